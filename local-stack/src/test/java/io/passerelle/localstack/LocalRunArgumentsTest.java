package io.passerelle.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalRunArgumentsTest {
    @Test
    void withoutDataTheRunIsThrowAway() {
        LocalRun.Arguments arguments = LocalRun.Arguments.parse(".", "--exit-after-demo");
        assertThat(arguments.exitAfterDemo()).isTrue();
        assertThat(arguments.dataDirectory()).isEmpty();
        assertThat(arguments.project()).isEqualTo(Path.of(".").toAbsolutePath().normalize());
    }

    @Test
    void dataNamesTheDirectoryInEitherSpelling() {
        assertThat(LocalRun.Arguments.parse(".", "--data", "/var/tmp/passerelle").dataDirectory()).contains(Path.of("/var/tmp/passerelle"));
        assertThat(LocalRun.Arguments.parse(".", "--data=/var/tmp/passerelle", "--exit-after-demo"))
                .isEqualTo(new LocalRun.Arguments(Path.of(".").toAbsolutePath().normalize(), true,
                        java.util.Optional.of(Path.of("/var/tmp/passerelle"))));
    }

    @Test
    void aMissingDirectoryOrAnUnknownOptionIsRefusedByName() {
        assertThatThrownBy(() -> LocalRun.Arguments.parse(".", "--data")).hasMessageContaining("--data needs a directory");
        assertThatThrownBy(() -> LocalRun.Arguments.parse(".", "--keep")).hasMessageContaining("Unknown option --keep");
    }
}
