package io.rapport.messaging.sms.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;

/**
 * Sends the SDK's requests to a configured address of Twilio's REST API instead of {@code https://api.twilio.com}.
 * The SDK derives regional and edge hosts from the host name's parts, which would mangle any other host (a test
 * server, a proxy), so each request is copied with its path, parameters and credentials onto the configured base URL
 * and handed to the SDK's own network client.
 */
final class TwilioApiAddress extends HttpClient {

    private final NetworkHttpClient network = new NetworkHttpClient();
    private final String baseUrl;

    TwilioApiAddress(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        return network.makeRequest(new Readdressed(request, baseUrl + URI.create(request.getUrl()).getRawPath()));
    }

    /** The same request at another address. */
    private static final class Readdressed extends Request {

        Readdressed(Request original, String url) {
            super(original.getMethod(), url);
            if (original.getUsername() != null) {
                setAuth(original.getUsername(), original.getPassword());
            } else if (original.getAuthStrategy() != null) {
                setAuth(original.getAuthStrategy());
            }
            original.getQueryParams().forEach((name, values) -> values.forEach(value -> addQueryParam(name, value)));
            original.getPostParams().forEach((name, values) -> values.forEach(value -> addPostParam(name, value)));
            original.getHeaderParams().forEach((name, values) -> values.forEach(value -> addHeaderParam(name, value)));
            setFormParameters(original.getFormParameters());
            setContentType(original.getContentType());
            setBody(original.getBody());
            setUserAgentExtensions(original.getUserAgentExtensions());
        }

        @Override
        public URL constructURL() {
            String query = encodeQueryParams();
            try {
                return URI.create(url + (query.isEmpty() ? "" : "?" + query)).toURL();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("RAPPORT_TWILIO_API_BASE_URL does not make a valid URL: " + url, e);
            }
        }
    }
}
