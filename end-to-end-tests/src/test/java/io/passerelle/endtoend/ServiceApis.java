package io.passerelle.endtoend;

import io.passerelle.client.advice.api.FeedbackApi;
import io.passerelle.client.advice.api.ObjectivesApi;
import io.passerelle.client.advice.api.RecommendationsApi;
import io.passerelle.client.advice.api.WebhooksApi;
import io.passerelle.client.graph.api.AdminApi;
import io.passerelle.client.graph.api.DiagnosticsApi;
import io.passerelle.client.graph.api.TiesApi;
import io.passerelle.client.ingestion.api.ContactsApi;
import io.passerelle.client.ingestion.api.ErasureApi;
import io.passerelle.client.ingestion.api.ImportsApi;
import io.passerelle.client.ingestion.api.InteractionsApi;
import io.passerelle.client.ingestion.api.OwnersApi;
import io.passerelle.localstack.ServiceProcess;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The API objects of the generated client (passerelle-client) for one started service, each sending
 * one bearer token. A service restarted by a test keeps its port, so these stay valid across it.
 */
final class ServiceApis {
    /**
     * One set of API objects per service and role, made once: each ApiClient builds an HttpClient
     * of its own (threads, connections), too many to make again at every poll of a test.
     */
    private static final Map<ServiceProcess, Map<String, Object>> MADE = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * No answer within this is a failure of the test rather than a hang of the build (the generated
     * client waits for ever by default). Longer than any pause the services make on purpose.
     */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private ServiceApis() {
    }

    static Ingestion ingestion(ServiceProcess service, String role, Supplier<String> token) {
        return made(service, role, () -> Ingestion.of(service, token.get()));
    }

    static Graph graph(ServiceProcess service, String role, Supplier<String> token) {
        return made(service, role, () -> Graph.of(service, token.get()));
    }

    static Advice advice(ServiceProcess service, String role, Supplier<String> token) {
        return made(service, role, () -> Advice.of(service, token.get()));
    }

    @SuppressWarnings("unchecked")
    private static <T> T made(ServiceProcess service, String role, Supplier<T> make) {
        synchronized (MADE) {
            return (T) MADE.computeIfAbsent(service, s -> new HashMap<>()).computeIfAbsent(role, r -> make.get());
        }
    }

    /** ingestion-service's operations, by tag. */
    record Ingestion(OwnersApi owners, ContactsApi contacts, InteractionsApi interactions, ImportsApi imports,
                     io.passerelle.client.ingestion.api.ExportApi export, ErasureApi erasure) {
        static Ingestion of(ServiceProcess service, String token) {
            var client = new io.passerelle.client.ingestion.ApiClient();
            client.updateBaseUri(baseUri(service));
            client.setRequestInterceptor(bearer(token));
            client.setReadTimeout(READ_TIMEOUT);
            return new Ingestion(new OwnersApi(client), new ContactsApi(client), new InteractionsApi(client), new ImportsApi(client),
                    new io.passerelle.client.ingestion.api.ExportApi(client), new ErasureApi(client));
        }
    }

    /** graph-service's operations, by tag. */
    record Graph(TiesApi ties, DiagnosticsApi diagnostics, io.passerelle.client.graph.api.ExportApi export, AdminApi admin) {
        static Graph of(ServiceProcess service, String token) {
            var client = new io.passerelle.client.graph.ApiClient();
            client.updateBaseUri(baseUri(service));
            client.setRequestInterceptor(bearer(token));
            client.setReadTimeout(READ_TIMEOUT);
            return new Graph(new TiesApi(client), new DiagnosticsApi(client), new io.passerelle.client.graph.api.ExportApi(client),
                    new AdminApi(client));
        }
    }

    /** advice-service's operations, by tag. */
    record Advice(ObjectivesApi objectives, RecommendationsApi recommendations, FeedbackApi feedback,
                  io.passerelle.client.advice.api.ExportApi export, WebhooksApi webhooks) {
        static Advice of(ServiceProcess service, String token) {
            var client = new io.passerelle.client.advice.ApiClient();
            client.updateBaseUri(baseUri(service));
            client.setRequestInterceptor(bearer(token));
            client.setReadTimeout(READ_TIMEOUT);
            return new Advice(new ObjectivesApi(client), new RecommendationsApi(client), new FeedbackApi(client),
                    new io.passerelle.client.advice.api.ExportApi(client), new WebhooksApi(client));
        }
    }

    /** A call of the generated client. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    /**
     * The answer of a call that must succeed. A refusal (the client's ApiException, one class per
     * service) fails as an assertion naming its status and body, so that Awaitility's untilAsserted
     * polls again instead of giving up, as it does for any other exception.
     */
    static <T> T answer(Call<T> call) {
        try {
            return call.call();
        } catch (io.passerelle.client.ingestion.ApiException e) {
            throw refusal(e.getCode(), e.getResponseBody(), e);
        } catch (io.passerelle.client.graph.ApiException e) {
            throw refusal(e.getCode(), e.getResponseBody(), e);
        } catch (io.passerelle.client.advice.ApiException e) {
            throw refusal(e.getCode(), e.getResponseBody(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static AssertionError refusal(int status, String body, Exception cause) {
        return new AssertionError("answered " + status + (status == 0 ? " (no answer: " + cause.getMessage() + ")" : ": " + body), cause);
    }

    /** The documents' paths start with a slash: the base is the service's root without its own. */
    private static String baseUri(ServiceProcess service) {
        return service.baseUri().toString().replaceAll("/$", "");
    }

    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> request.header("Authorization", "Bearer " + token);
    }
}
