package org.frontdoor.channels.core.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import com.drew.metadata.photoshop.PhotoshopDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import org.frontdoor.channels.core.SharedLocation;

/**
 * What metadata-extractor finds in an image: its GPS position (validated), its
 * orientation, and whether any identifying metadata is left.
 */
final class ImageMetadata {

	/** Directories that must not survive sanitizing. */
	private static final List<Class<? extends Directory>> IDENTIFYING = List.of(GpsDirectory.class,
			ExifSubIFDDirectory.class, XmpDirectory.class, IptcDirectory.class, PhotoshopDirectory.class,
			JpegCommentDirectory.class);

	private final Metadata metadata;

	private ImageMetadata(Metadata metadata) {
		this.metadata = metadata;
	}

	static ImageMetadata read(byte[] bytes) {
		try {
			return new ImageMetadata(ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length));
		}
		catch (ImageProcessingException | IOException | RuntimeException ex) {
			// unreadable metadata is no metadata: the strippers still run on the
			// structure
			return new ImageMetadata(new Metadata());
		}
	}

	/**
	 * The first usable GPS position. Positions are refused when a component is missing,
	 * not a finite number (a zero denominator), out of range, exactly (0, 0) (what
	 * cameras write without a fix) or marked void ({@code GPSStatus = V}).
	 * @return the position, or {@code null}
	 */
	SharedLocation gpsLocation() {
		for (GpsDirectory gps : this.metadata.getDirectoriesOfType(GpsDirectory.class)) {
			SharedLocation location = usable(gps);
			if (location != null) {
				return location;
			}
		}
		return null;
	}

	private static SharedLocation usable(GpsDirectory gps) {
		if ("V".equalsIgnoreCase(trimmed(gps.getString(GpsDirectory.TAG_STATUS)))) {
			return null;
		}
		GeoLocation geo;
		try {
			geo = gps.getGeoLocation();
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (geo == null) {
			return null;
		}
		double lat = geo.getLatitude();
		double lon = geo.getLongitude();
		if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
			return null;
		}
		if (lat == 0 && lon == 0) {
			return null;
		}
		return new SharedLocation(lat, lon, null);
	}

	private static String trimmed(String value) {
		return (value != null) ? value.trim() : null;
	}

	/**
	 * The Exif orientation (1–8), or 1 when absent.
	 * @return the orientation
	 */
	int orientation() {
		ExifIFD0Directory ifd0 = this.metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
		if (ifd0 == null || !ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
			return 1;
		}
		Integer value = ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
		return (value != null && value >= 1 && value <= 8) ? value : 1;
	}

	/**
	 * Whether identifying metadata is present: GPS, Exif sub-IFD (dates, serial numbers),
	 * XMP, IPTC, Photoshop resources, comments, or an IFD0 holding more than the
	 * orientation.
	 * @return the name of the first identifying directory found, or {@code null}
	 */
	String identifyingDirectory() {
		for (Class<? extends Directory> type : IDENTIFYING) {
			Directory directory = this.metadata.getFirstDirectoryOfType(type);
			if (directory != null && directory.getTagCount() > 0) {
				return directory.getName();
			}
		}
		for (ExifIFD0Directory ifd0 : this.metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
			boolean onlyOrientation = ifd0.getTagCount() == 1 && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION);
			if (ifd0.getTagCount() > 0 && !onlyOrientation) {
				return ifd0.getName();
			}
		}
		return null;
	}

}
