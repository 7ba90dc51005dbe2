package io.passerelle.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose {@code keys} step, run as compose runs it: a JVM whose classpath is only this module's
 * classes and the jars the build copies to {@code target/token-issuer-lib}.
 */
class IssueLocalTokensTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Pattern TOKEN_LINE = Pattern.compile("^  (platform \\(any owner\\)|operator \\(webhooks, replay\\)|owner [^ ]+ \\(own data\\))\\s+(\\S+)$",
            Pattern.MULTILINE);

    @TempDir
    Path keys;

    @Test
    void theFirstRunMakesTheKeyPairTheNextOnesSignWithIt() throws Exception {
        String first = issue(keys.toString());
        String publicKey = Files.readString(keys.resolve(LocalTokenIssuer.PUBLIC_KEY_FILE));
        assertThat(Files.getPosixFilePermissions(keys.resolve(LocalTokenIssuer.PRIVATE_KEY_FILE)))
                .as("only the owner of the volume reads the private key").hasSize(2);

        String second = issue(keys.toString(), "demo-coach");
        assertThat(Files.readString(keys.resolve(LocalTokenIssuer.PUBLIC_KEY_FILE))).as("the key pair is kept").isEqualTo(publicKey);

        List<String> roles = new ArrayList<>();
        for (String output : List.of(first, second)) {
            Matcher line = TOKEN_LINE.matcher(output);
            while (line.find()) {
                JwtClaims claims = verify(line.group(2), publicKey);
                roles.addAll(claims.getStringListClaimValue("groups"));
                if (line.group(1).startsWith("owner")) {
                    assertThat(claims.getSubject()).isEqualTo("demo-coach");
                }
            }
        }
        assertThat(roles).containsExactly(LocalTokenIssuer.PLATFORM, LocalTokenIssuer.OPERATOR,
                LocalTokenIssuer.PLATFORM, LocalTokenIssuer.OPERATOR, LocalTokenIssuer.OWNER);
    }

    private static String issue(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dslf4j.internal.verbosity=ERROR", "-cp",
                MODULE.resolve("target/classes") + File.pathSeparator + MODULE.resolve("target/token-issuer-lib") + File.separator + "*",
                IssueLocalTokens.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).as("nothing but the tokens: no class missing, no logging noise")
                .startsWith("Token issuer " + LocalTokenIssuer.ISSUER + ", public key ");
        return output;
    }

    private static JwtClaims verify(String token, String publicKeyPem) throws Exception {
        String base64 = publicKeyPem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        return new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer(LocalTokenIssuer.ISSUER)
                .setRequireExpirationTime().setSkipDefaultAudienceValidation().build().processToClaims(token);
    }
}
