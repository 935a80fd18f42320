package org.nnlab.raster;

/**
 * The OKLab colour space (Björn Ottosson, "A perceptual color space for image processing", 2020):
 * L is perceived lightness in [0, 1], a and b the green-red and blue-yellow axes. Conversions go
 * through linear sRGB with the standard sRGB transfer curve.
 */
final class Oklab {
    private Oklab() {
    }

    /** OKLab (L, a, b) to 0xRRGGBB, channels clipped to the sRGB gamut and rounded. */
    static int toRgb(double lightness, double a, double b) {
        double l = cube(lightness + 0.3963377774 * a + 0.2158037573 * b);
        double m = cube(lightness - 0.1055613458 * a - 0.0638541728 * b);
        double s = cube(lightness - 0.0894841775 * a - 1.2914855480 * b);
        double r = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s;
        double g = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s;
        double bl = -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s;
        return (encode(r) << 16) | (encode(g) << 8) | encode(bl);
    }

    /** 0xRRGGBB to OKLab {L, a, b}. */
    static double[] fromRgb(int rgb) {
        double r = decode((rgb >> 16) & 255);
        double g = decode((rgb >> 8) & 255);
        double b = decode(rgb & 255);
        double l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
        double m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
        double s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
        return new double[] {
            0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s,
        };
    }

    private static double cube(double x) {
        return x * x * x;
    }

    /** Linear channel to an 8-bit sRGB value. */
    private static int encode(double linear) {
        double c = Math.max(0, Math.min(1, linear));
        double srgb = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
        return (int) Math.round(255 * srgb);
    }

    private static double decode(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
