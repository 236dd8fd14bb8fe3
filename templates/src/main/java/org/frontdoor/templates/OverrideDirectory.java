package org.frontdoor.templates;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A city's override directory, watched cheaply: at most once per check interval, on the
 * render path, the directory is walked and each template file's modification time and
 * size compared with the last walk. Any difference (a file added, changed or removed)
 * bumps {@link #version()}, which invalidates every compiled template.
 */
final class OverrideDirectory {

	/**
	 * Override files larger than this are ignored (a template is a few hundred bytes).
	 */
	static final int MAX_FILE_BYTES = 64 * 1024;

	private static final Logger log = LoggerFactory.getLogger(Templates.class);

	private final Path root;

	private final long intervalNanos;

	private final AtomicLong nextCheck;

	private volatile Snapshot snapshot = new Snapshot(0, Map.of());

	OverrideDirectory(Path root, Duration interval) {
		this.root = root;
		this.intervalNanos = interval.toNanos();
		this.nextCheck = new AtomicLong(System.nanoTime() + this.intervalNanos);
		if (!Files.isDirectory(root)) {
			log.warn("Template override directory {} does not exist (yet); using the built-in templates", root);
		}
		rescan();
	}

	/** The current version, after a walk if the interval has passed. */
	long refreshIfDue() {
		long now = System.nanoTime();
		long due = this.nextCheck.get();
		if (now - due >= 0 && this.nextCheck.compareAndSet(due, now + this.intervalNanos)) {
			rescan();
		}
		return this.snapshot.version;
	}

	/** Walks the directory now. */
	synchronized void rescan() {
		Map<String, Stamp> files = walk();
		Snapshot current = this.snapshot;
		if (!files.equals(current.files)) {
			this.snapshot = new Snapshot(current.version + 1, Map.copyOf(files));
			log.info("Template overrides in {}: {} file(s) (version {})", this.root, files.size(), current.version + 1);
		}
	}

	long version() {
		return this.snapshot.version;
	}

	boolean contains(String relativePath) {
		return this.snapshot.files.containsKey(relativePath);
	}

	/** The language tags that have at least one override file. */
	Set<String> localeTags() {
		Set<String> tags = new TreeSet<>();
		for (String path : this.snapshot.files.keySet()) {
			String[] parts = path.split("/");
			if (parts.length == 3) {
				tags.add(parts[1]);
			}
		}
		return tags;
	}

	/**
	 * Reads an override file as strict UTF-8.
	 * @throws IOException when it is gone, too large or not UTF-8 (the message says
	 * which)
	 */
	String read(String relativePath) throws IOException {
		Path file = this.root.resolve(relativePath);
		long size = Files.size(file);
		if (size > MAX_FILE_BYTES) {
			throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
		}
		byte[] bytes = Files.readAllBytes(file);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IOException("not valid UTF-8", ex);
		}
	}

	private Map<String, Stamp> walk() {
		Map<String, Stamp> files = new HashMap<>();
		if (!Files.isDirectory(this.root)) {
			return files;
		}
		try {
			Files.walkFileTree(this.root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), 3, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
					return (!dir.equals(OverrideDirectory.this.root) && hidden(dir)) ? FileVisitResult.SKIP_SUBTREE
							: FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
					Path relative = OverrideDirectory.this.root.relativize(file);
					if (attrs.isRegularFile() && relative.getNameCount() == 3 && !hidden(file)
							&& file.getFileName().toString().endsWith(".mustache")) {
						files.put(relative.toString().replace('\\', '/'),
								new Stamp(attrs.lastModifiedTime().toInstant(), attrs.size()));
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			log.warn("Could not read template override directory {}: {}", this.root, ex.toString());
		}
		return files;
	}

	private static boolean hidden(Path path) {
		return path.getFileName().toString().startsWith(".");
	}

	private record Stamp(Instant modified, long size) {

	}

	private record Snapshot(long version, Map<String, Stamp> files) {

	}

}
