package io.passerelle.localstack.security;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import java.util.Map;

/**
 * For a {@code @QuarkusTest} that runs without the local stack (a profile pointing at servers that
 * do not answer): the service accepts {@link LocalTokenIssuer#local()}'s tokens, and rest-assured
 * requests carry the platform's.
 */
public class LocalIssuerTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        callAsThePlatform();
        return LocalTokenIssuer.local().verificationConfiguration();
    }

    @Override
    public void stop() {
        // Nothing to stop: the key file goes when the JVM exits.
    }

    /**
     * Makes every rest-assured request carry the platform's token unless the test says otherwise
     * ({@code given().auth().none()}, {@code given().auth().oauth2(other)}). Called from a test
     * resource because that runs in the class loader of the tests, where rest-assured's defaults live.
     */
    public static void callAsThePlatform() {
        RestAssured.authentication = RestAssured.oauth2(LocalTokenIssuer.local().platform());
    }
}
