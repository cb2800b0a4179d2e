package io.edgegateway.filters.credential;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import io.edgegateway.filters.credential.provider.KeyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeyFileTests {

	@TempDir
	Path directory;

	@Test
	void getWhenFileChangesThenReadsTheNewKeyAndKeepsTheLastGoodOneWhenBroken() throws Exception {
		Path file = this.directory.resolve("key");
		Files.writeString(file, "v1");
		KeyFile<String> key = new KeyFile<>(file, KeyFileTests::parse);
		assertThat(key.get()).isEqualTo("key:v1");
		Files.writeString(file, "v2");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(key.get()).isEqualTo("key:v2");
		Files.writeString(file, "broken");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
		assertThat(key.get()).isEqualTo("key:v2");
	}

	@Test
	void newWhenFileMissingOrUnparsableThenNamesThePath() throws Exception {
		Path missing = this.directory.resolve("missing.pem");
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyFile<>(missing, KeyFileTests::parse))
			.withMessageContaining("cannot read " + missing);
		Path broken = this.directory.resolve("broken.pem");
		Files.writeString(broken, "broken");
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyFile<>(broken, KeyFileTests::parse))
			.withMessage(broken + ": not a key");
	}

	@Test
	void newWhenReadWhenUsedThenAMissingFileFailsOnlyWhenItsKeyIsAskedFor() throws Exception {
		Path later = this.directory.resolve("later.pem");
		KeyFile<String> key = new KeyFile<>(later, KeyFileTests::parse, KeyFile.Reading.WHEN_USED);
		assertThatIllegalArgumentException().isThrownBy(key::get).withMessageContaining("cannot read " + later);
		Files.writeString(later, "v1");
		assertThat(key.get()).isEqualTo("key:v1");
	}

	private static String parse(String text) {
		if (text.equals("broken")) {
			throw new IllegalArgumentException("not a key");
		}
		return "key:" + text;
	}

}
