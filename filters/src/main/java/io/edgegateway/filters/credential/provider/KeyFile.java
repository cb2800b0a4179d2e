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
 * <p>
 * The gateway reads it {@link Reading#NOW when it is configured}, so a missing or broken
 * key stops the route that needs it; the offline route validator reads it
 * {@link Reading#WHEN_USED when it is first used} (never, since it mints nothing), so
 * routes are checked against the configuration where the keys are not present.
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
		this(path, parser, Reading.NOW);
	}

	/**
	 * Read a key file now or when its key is first used.
	 * @param path the file
	 * @param parser turns its text into a key, throwing {@link IllegalArgumentException}
	 * if it cannot
	 * @param reading when to read it
	 * @throws IllegalArgumentException if it is read now and cannot be read or parsed
	 */
	public KeyFile(Path path, Function<String, T> parser, Reading reading) {
		this.path = path;
		this.parser = parser;
		this.loaded = (reading == Reading.NOW) ? load(modified()) : null;
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

	/**
	 * When a key file is read first.
	 */
	public enum Reading {

		/**
		 * When it is configured: a missing or broken file fails the route that needs it.
		 */
		NOW,

		/**
		 * When its key is first used: checking a route needs only the configuration.
		 */
		WHEN_USED

	}

	private record Loaded<T>(T key, @Nullable FileTime modified) {
	}

}
