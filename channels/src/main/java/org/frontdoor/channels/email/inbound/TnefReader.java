package org.frontdoor.channels.email.inbound;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Outlook's TNEF ({@code winmail.dat}, {@code application/ms-tnef}) attachments:
 * Outlook sends them instead of MIME parts when "Rich Text" format is on, and the text
 * and photos of the message are then only inside.
 * <p>
 * What is extracted (MS-OXTNEF): the message body, preferring {@code PR_BODY} (plain
 * text), then the legacy {@code attBody}, then {@code PR_BODY_HTML} (converted with
 * {@link HtmlText}), then {@code PR_RTF_COMPRESSED} (decompressed per MS-OXRTFCP; HTML
 * encapsulated in RTF per MS-OXRTFEX is de-encapsulated, other RTF is reduced to its text
 * by {@link RtfText}); and every attachment stored by value ({@code attAttachData} or
 * {@code PR_ATTACH_DATA_BIN}) with its long file name, MIME tag and content id. Embedded
 * messages ({@code PR_ATTACH_DATA_OBJ}) and OLE objects are counted but not opened.
 * Truncated or corrupt streams yield what was read before the damage and a
 * {@link Result#damaged()} flag; this class never throws on bad input.
 */
public final class TnefReader {

	/** The TNEF signature, little-endian {@code 0x223E9F78}. */
	static final int SIGNATURE = 0x223E9F78;

	private static final int LEVEL_MESSAGE = 1;

	private static final int LEVEL_ATTACHMENT = 2;

	private static final int ATT_BODY = 0x0002800C;

	private static final int ATT_ATTACH_DATA = 0x0006800F;

	private static final int ATT_ATTACH_TITLE = 0x00018010;

	private static final int ATT_ATTACH_REND_DATA = 0x00069002;

	private static final int ATT_MAPI_PROPS = 0x00069003;

	private static final int ATT_ATTACHMENT = 0x00069005;

	private static final int ATT_OEM_CODEPAGE = 0x00069007;

	private static final int PR_BODY = 0x1000;

	private static final int PR_RTF_COMPRESSED = 0x1009;

	private static final int PR_BODY_HTML = 0x1013;

	private static final int PR_INTERNET_CPID = 0x3FDE;

	private static final int PR_ATTACH_DATA = 0x3701;

	private static final int PR_ATTACH_FILENAME = 0x3704;

	private static final int PR_ATTACH_LONG_FILENAME = 0x3707;

	private static final int PR_ATTACH_MIME_TAG = 0x370E;

	private static final int PR_ATTACH_CONTENT_ID = 0x3712;

	private static final int PT_SHORT = 0x0002;

	private static final int PT_LONG = 0x0003;

	private static final int PT_FLOAT = 0x0004;

	private static final int PT_DOUBLE = 0x0005;

	private static final int PT_CURRENCY = 0x0006;

	private static final int PT_APPTIME = 0x0007;

	private static final int PT_ERROR = 0x000A;

	private static final int PT_BOOLEAN = 0x000B;

	private static final int PT_OBJECT = 0x000D;

	private static final int PT_I8 = 0x0014;

	private static final int PT_STRING8 = 0x001E;

	private static final int PT_UNICODE = 0x001F;

	private static final int PT_SYSTIME = 0x0040;

	private static final int PT_CLSID = 0x0048;

	private static final int PT_BINARY = 0x0102;

	private static final int MV_FLAG = 0x1000;

	private static final int MAX_VALUES = 100_000;

	private TnefReader() {
	}

	/**
	 * Whether the bytes start like a TNEF stream.
	 * @param bytes the bytes
	 * @return {@code true} for TNEF
	 */
	public static boolean isTnef(byte[] bytes) {
		return bytes != null && bytes.length >= 6
				&& ByteBuffer.wrap(bytes, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == SIGNATURE;
	}

	/**
	 * Read a TNEF stream.
	 * @param bytes the {@code winmail.dat} bytes
	 * @return the body and attachments found
	 */
	public static Result read(byte[] bytes) {
		State state = new State();
		if (!isTnef(bytes)) {
			return new Result(null, List.of(), 0, true);
		}
		ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		in.position(6);
		try {
			while (in.remaining() >= 9) {
				int level = in.get() & 0xFF;
				int id = in.getInt();
				int length = in.getInt();
				if (length < 0 || length > in.remaining() - 2) {
					state.damaged = true;
					break;
				}
				byte[] data = new byte[length];
				in.get(data);
				in.getShort();
				attribute(state, level, id, data);
			}
		}
		catch (RuntimeException ex) {
			state.damaged = true;
		}
		state.closeAttachment();
		return new Result(state.body(), List.copyOf(state.attachments), state.unreadable, state.damaged);
	}

	private static void attribute(State state, int level, int id, byte[] data) {
		if (level == LEVEL_MESSAGE) {
			switch (id) {
				case ATT_BODY -> state.legacyBody = data;
				case ATT_OEM_CODEPAGE -> {
					if (data.length >= 4) {
						state.codepage = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt();
					}
				}
				case ATT_MAPI_PROPS -> mapiProperties(state, data, false);
				default -> {
				}
			}
		}
		else if (level == LEVEL_ATTACHMENT) {
			switch (id) {
				case ATT_ATTACH_REND_DATA -> {
					state.closeAttachment();
					state.current = new PendingAttachment();
				}
				case ATT_ATTACH_TITLE -> state.attachment().title = cString(data, state.charset());
				case ATT_ATTACH_DATA -> state.attachment().data = data;
				case ATT_ATTACHMENT -> mapiProperties(state, data, true);
				default -> {
				}
			}
		}
	}

	private static void mapiProperties(State state, byte[] data, boolean attachment) {
		ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
		int count = in.getInt();
		if (count < 0 || count > MAX_VALUES) {
			state.damaged = true;
			return;
		}
		for (int p = 0; p < count && in.remaining() >= 4; p++) {
			int type = in.getShort() & 0xFFFF;
			int id = in.getShort() & 0xFFFF;
			if (id >= 0x8000) {
				skipName(in);
			}
			List<Object> values = values(in, type);
			if (values.isEmpty()) {
				continue;
			}
			Object value = values.get(0);
			if (attachment) {
				attachmentProperty(state, id, type, value);
			}
			else {
				messageProperty(state, id, type, value);
			}
		}
	}

	private static void messageProperty(State state, int id, int type, Object value) {
		switch (id) {
			case PR_BODY -> state.plainBody = string(type, value, state.charset());
			case PR_BODY_HTML -> state.htmlBody = (byte[]) (value instanceof byte[] bytes ? bytes
					: string(type, value, state.charset()).getBytes(StandardCharsets.UTF_8));
			case PR_RTF_COMPRESSED -> state.rtfCompressed = (value instanceof byte[] bytes) ? bytes : null;
			case PR_INTERNET_CPID -> {
				if (value instanceof Integer cpid) {
					state.internetCodepage = cpid;
				}
			}
			default -> {
			}
		}
	}

	private static void attachmentProperty(State state, int id, int type, Object value) {
		PendingAttachment attachment = state.attachment();
		switch (id) {
			case PR_ATTACH_DATA -> {
				if (type == PT_BINARY && value instanceof byte[] bytes) {
					attachment.data = bytes;
				}
				else {
					attachment.embeddedObject = true;
				}
			}
			case PR_ATTACH_LONG_FILENAME -> attachment.longName = string(type, value, state.charset());
			case PR_ATTACH_FILENAME -> {
				if (attachment.title == null) {
					attachment.title = string(type, value, state.charset());
				}
			}
			case PR_ATTACH_MIME_TAG -> attachment.mimeTag = string(type, value, state.charset());
			case PR_ATTACH_CONTENT_ID -> attachment.contentId = string(type, value, state.charset());
			default -> {
			}
		}
	}

	private static void skipName(ByteBuffer in) {
		in.position(in.position() + 16);
		int kind = in.getInt();
		if (kind == 0) {
			in.getInt();
		}
		else {
			int length = in.getInt();
			skipPadded(in, length);
		}
	}

	private static List<Object> values(ByteBuffer in, int rawType) {
		boolean multi = (rawType & MV_FLAG) != 0;
		int type = rawType & ~MV_FLAG;
		boolean variable = type == PT_STRING8 || type == PT_UNICODE || type == PT_BINARY || type == PT_OBJECT;
		int count = (multi || variable) ? in.getInt() : 1;
		if (count < 0 || count > MAX_VALUES) {
			throw new IllegalStateException("bad value count");
		}
		List<Object> values = new ArrayList<>(Math.min(count, 16));
		for (int i = 0; i < count; i++) {
			if (variable) {
				int length = in.getInt();
				if (length < 0 || length > in.remaining()) {
					throw new IllegalStateException("bad value length");
				}
				byte[] bytes = new byte[length];
				in.get(bytes);
				in.position(in.position() + padding(length));
				values.add(bytes);
			}
			else {
				values.add(fixed(in, type));
			}
		}
		return values;
	}

	private static Object fixed(ByteBuffer in, int type) {
		return switch (type) {
			case PT_SHORT, PT_BOOLEAN -> {
				int value = in.getShort();
				in.getShort();
				yield value;
			}
			case PT_LONG, PT_ERROR -> in.getInt();
			case PT_FLOAT -> in.getFloat();
			case PT_DOUBLE, PT_APPTIME -> in.getDouble();
			case PT_CURRENCY, PT_I8, PT_SYSTIME -> in.getLong();
			case PT_CLSID -> {
				in.position(in.position() + 16);
				yield null;
			}
			default -> {
				// PT_NULL, PT_UNSPECIFIED and unknown fixed types: 4 bytes
				in.getInt();
				yield null;
			}
		};
	}

	private static void skipPadded(ByteBuffer in, int length) {
		in.position(in.position() + length + padding(length));
	}

	private static int padding(int length) {
		return (4 - length % 4) % 4;
	}

	private static String string(int type, Object value, Charset charset) {
		if (!(value instanceof byte[] bytes)) {
			return null;
		}
		int baseType = type & ~MV_FLAG;
		String text = (baseType == PT_UNICODE) ? new String(bytes, StandardCharsets.UTF_16LE)
				: new String(bytes, charset);
		int nul = text.indexOf('\0');
		return (nul >= 0) ? text.substring(0, nul) : text;
	}

	private static String cString(byte[] data, Charset charset) {
		int end = 0;
		while (end < data.length && data[end] != 0) {
			end++;
		}
		return new String(data, 0, end, charset);
	}

	static Charset codepageCharset(int codepage) {
		Charset charset = switch (codepage) {
			case 65001 -> StandardCharsets.UTF_8;
			case 20127 -> StandardCharsets.US_ASCII;
			case 28591 -> StandardCharsets.ISO_8859_1;
			case 20866 -> MailCharsets.lookup("KOI8-R");
			case 21866 -> MailCharsets.lookup("KOI8-U");
			case 932 -> MailCharsets.lookup("windows-31j");
			case 936 -> MailCharsets.lookup("GBK");
			case 949 -> MailCharsets.lookup("x-windows-949");
			case 950 -> MailCharsets.lookup("Big5");
			case 50220, 50221, 50222 -> MailCharsets.lookup("ISO-2022-JP");
			case 51932 -> MailCharsets.lookup("EUC-JP");
			default -> (codepage >= 1250 && codepage <= 1258) ? MailCharsets.lookup("windows-" + codepage)
					: (codepage >= 28592 && codepage <= 28605) ? MailCharsets.lookup("ISO-8859-" + (codepage - 28590))
							: null;
		};
		return (charset != null) ? charset : Charset.forName("windows-1252");
	}

	/**
	 * An attachment carried inside the TNEF stream.
	 *
	 * @param filename the long file name, or the 8.3 name, or {@code null}
	 * @param mimeType the MIME tag Outlook recorded, or {@code null}
	 * @param contentId the content id (inline images), or {@code null}
	 * @param data the bytes
	 */
	public record Attachment(String filename, String mimeType, String contentId, byte[] data) {

	}

	/**
	 * What a TNEF stream held.
	 *
	 * @param body the message body as plain text, or {@code null}
	 * @param attachments attachments stored by value
	 * @param unreadable embedded messages and OLE objects that were not opened
	 * @param damaged whether the stream was truncated or corrupt
	 */
	public record Result(String body, List<Attachment> attachments, int unreadable, boolean damaged) {

	}

	private static final class PendingAttachment {

		private String title;

		private String longName;

		private String mimeTag;

		private String contentId;

		private byte[] data;

		private boolean embeddedObject;

	}

	private static final class State {

		private int codepage = 1252;

		private int internetCodepage;

		private byte[] legacyBody;

		private String plainBody;

		private byte[] htmlBody;

		private byte[] rtfCompressed;

		private PendingAttachment current;

		private final List<Attachment> attachments = new ArrayList<>();

		private int unreadable;

		private boolean damaged;

		Charset charset() {
			return codepageCharset(this.codepage);
		}

		PendingAttachment attachment() {
			if (this.current == null) {
				this.current = new PendingAttachment();
			}
			return this.current;
		}

		void closeAttachment() {
			PendingAttachment attachment = this.current;
			this.current = null;
			if (attachment == null) {
				return;
			}
			if (attachment.data != null) {
				String name = (attachment.longName != null && !attachment.longName.isBlank()) ? attachment.longName
						: attachment.title;
				this.attachments.add(new Attachment(name, attachment.mimeTag, attachment.contentId, attachment.data));
			}
			else if (attachment.embeddedObject) {
				this.unreadable++;
			}
		}

		String body() {
			if (this.plainBody != null && !this.plainBody.isBlank()) {
				return this.plainBody;
			}
			if (this.legacyBody != null && this.legacyBody.length > 0) {
				String legacy = cString(this.legacyBody, charset());
				if (!legacy.isBlank()) {
					return legacy;
				}
			}
			if (this.htmlBody != null) {
				Charset htmlCharset = (this.internetCodepage != 0) ? codepageCharset(this.internetCodepage) : charset();
				String text = HtmlText.toText(new String(this.htmlBody, htmlCharset));
				if (!text.isBlank()) {
					return text;
				}
			}
			if (this.rtfCompressed != null) {
				byte[] rtf = CompressedRtf.decompress(this.rtfCompressed);
				if (rtf != null) {
					String text = RtfText.toText(rtf, charset());
					if (!text.isBlank()) {
						return text;
					}
				}
			}
			return null;
		}

	}

}
