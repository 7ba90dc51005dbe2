package io.passerelle.localstack.security;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code keys} step of docker compose: keeps the local issuer's key pair in a directory (made on
 * the first run, read on the next ones, see {@link LocalTokenIssuer#keptIn(Path)}) and prints tokens
 * it signed, as the run command does. The services read {@code public-key.pem} from that directory.
 *
 * <p>Arguments: {@code <key directory> [ownerId...]}: one owner token per owner id given. Needs only
 * this module's classes, jose4j and slf4j-api on the classpath.
 */
public final class IssueLocalTokens {
    private IssueLocalTokens() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("Usage: IssueLocalTokens <key directory> [ownerId...]");
            System.exit(2);
        }
        Path directory = Path.of(args[0]).toAbsolutePath();
        LocalTokenIssuer issuer = LocalTokenIssuer.keptIn(directory);
        System.out.println("Token issuer " + LocalTokenIssuer.ISSUER + ", public key "
                + issuer.verificationConfiguration().get("mp.jwt.verify.publickey.location"));
        System.out.println("Every /v1 call needs a bearer token. Tokens valid 12 hours:");
        print("platform (any owner)", issuer.platform());
        print("operator (webhooks, replay)", issuer.operator());
        for (String ownerId : List.of(args).subList(1, args.length)) {
            print("owner " + ownerId + " (own data)", issuer.owner(ownerId));
        }
    }

    private static void print(String role, String token) {
        System.out.println(String.format("  %-28s %s", role, token));
    }
}
