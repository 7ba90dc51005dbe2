package io.passerelle.advice.rest;

import io.passerelle.localstack.openapi.RedoclyLint;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document (openapi/advice-service.yaml, kept equal to the served one by
 * OpenApiDescriptionTest) passes Redocly CLI's recommended rules with no error and no warning; the rules
 * turned off are in redocly.yaml at the repository root, each with the reason.
 */
class OpenApiLintTest {

    @Test
    void theCommittedDocumentPassesRedoclyLint() {
        RedoclyLint.assertCommittedDocumentPasses("advice-service");
    }
}
