package io.edgegateway.filters.credential.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A key read from a file and read again when the file changes (a rotated Kubernetes
 * Secret swaps the file behind a symlink), so keys rotate without a restart. A file that
 * turns unreadable keeps the last good key in use.
 *
 * @param <T> the parsed key
 */
public final class KeyFile<T> {

	private final Path path;

	private final Function<String, T> parser;

	private volatile @Nullable Loaded<T> loaded;

	/**
	 * Read a key file now.
	 * @param path the file
	 * @param parser turns its text into a key, throwing {@link IllegalArgumentException}
	 * if it cannot
	 * @throws IllegalArgumentException if the file cannot be read or parsed
	 */
	public KeyFile(Path path, Function<String, T> parser) {
		this.path = path;
		this.parser = parser;
		this.loaded = load(modified());
	}

	/**
	 * The current key, read again if the file changed.
	 * @return the key
	 */
	public T get() {
		Loaded<T> current = this.loaded;
		FileTime modified = modifiedOrNull();
		if (current == null || (modified != null && !modified.equals(current.modified()))) {
			try {
				current = load(modified);
				this.loaded = current;
			}
			catch (IllegalArgumentException ex) {
				if (current == null) {
					throw ex;
				}
			}
		}
		return current.key();
	}

	private Loaded<T> load(@Nullable FileTime modified) {
		try {
			return new Loaded<>(this.parser.apply(Files.readString(this.path)), modified);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot read " + this.path + ": " + ex.getMessage(), ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(this.path + ": " + ex.getMessage(), ex);
		}
	}

	private FileTime modified() {
		try {
			return Files.getLastModifiedTime(this.path);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot read " + this.path + ": " + ex.getMessage(), ex);
		}
	}

	private @Nullable FileTime modifiedOrNull() {
		try {
			return Files.getLastModifiedTime(this.path);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private record Loaded<T>(T key, @Nullable FileTime modified) {
	}

}
