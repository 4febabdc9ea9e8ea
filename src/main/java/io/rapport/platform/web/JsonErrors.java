package io.rapport.platform.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Names the JSON field that could not be read, so a client learns which value to fix. */
final class JsonErrors {

    private JsonErrors() {
    }

    static String fieldOf(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JacksonException.Reference ref : databind.getPath()) {
                if (ref.getPropertyName() != null) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        return "body";
    }

    static String reasonOf(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException databind) {
            String message = databind.getOriginalMessage();
            // Keep the first sentence; Jackson appends source locations that mean nothing to a client.
            int cut = message.indexOf('\n');
            return cut > 0 ? message.substring(0, cut) : message;
        }
        return cause instanceof JacksonException ? "is not well-formed JSON" : "the request body is missing or unreadable";
    }
}
