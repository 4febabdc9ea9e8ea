package io.rapport.platform.web;

import io.rapport.platform.Conflict;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns failures of API calls into RFC 9457 problem details. Validation failures carry an
 * {@code errors} array of {@code {field, message}} so a client can show each problem where
 * it belongs.
 */
@RestControllerAdvice(basePackages = "io.rapport")
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequest e) {
        return validation(e.errors().stream().map(err -> Map.of("field", err.field(), "message", err.message())).toList());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return validation(List.of(Map.of("field", e.getName(), "message", "is not a valid value: " + e.getValue())));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "invalid value" : e.getMessage();
        int colon = message.indexOf(':');
        String field = colon > 0 && !message.substring(0, colon).contains(" ") ? message.substring(0, colon) : "request";
        return validation(List.of(Map.of("field", field, "message", colon > 0 && !field.equals("request")
                ? message.substring(colon + 1).trim() : message)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))).toList();
        return new ResponseEntity<>(validation(errors).getBody(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return new ResponseEntity<>(validation(List.of(Map.of("field", JsonErrors.fieldOf(e), "message", JsonErrors.reasonOf(e))))
                .getBody(), HttpStatus.BAD_REQUEST);
    }

    static ResponseEntity<ProblemDetail> validation(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
                        : errors.size() + " fields are invalid");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
