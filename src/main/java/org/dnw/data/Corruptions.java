package org.dnw.data;

import java.util.Objects;

/**
 * Makes corrupted copies of test images for a robustness check (see {@link CorruptionSpec} for what
 * each part does and the order). Stateless and thread-safe.
 *
 * <p>Image {@code i} draws its noise from a stream fixed by {@code (seed, i)} alone, and the noise
 * pattern does not depend on the strength: at σ = 0.4 each pixel gets twice the noise it got at σ =
 * 0.2, and salt-and-pepper at 10 % hits the pixels of 5 % and more. Points of a sweep therefore
 * differ only by strength, which makes the accuracy-against-strength curve smooth and the
 * comparison of runs fair (every run sees the same corrupted images).
 */
public final class Corruptions {

    private static final long NOISE_STREAM = 0x6a09e667f3bcc909L;
    private static final long SALT_STREAM = 0xbb67ae8584caa73bL;

    private Corruptions() {}

    /**
     * A corrupted copy of {@code test}: same shape, labels, order and class names; pixels the
     * corrupted values quantised to 0–255 (rounded, clipped). The same seed gives the same bytes.
     * {@link CorruptionSpec#NONE} gives a copy equal to the input.
     */
    public static ImageSamples corrupt(ImageSamples test, CorruptionSpec spec, long seed) {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(spec, "spec");
        int channels = test.channels();
        int height = test.height();
        int width = test.width();
        int plane = height * width;
        int size = test.imageBytes();
        byte[] in = test.pixels();
        byte[] out = new byte[in.length];
        if (spec.isIdentity()) {
            System.arraycopy(in, 0, out, 0, in.length);
        } else {
            float[] image = new float[size];
            PixelOps.BlurScratch blurScratch =
                    new PixelOps.BlurScratch(height, width, spec.blurSigma());
            for (int i = 0, n = test.size(); i < n; i++) {
                int from = i * size;
                for (int k = 0; k < size; k++) {
                    image[k] = (in[from + k] & 0xFF) / 255f;
                }
                long imageSeed = PixelOps.mix(seed + PixelOps.mix(i));
                PixelOps.contrastBrightness(image, 0, size, 1 - spec.contrastReduction(), 0);
                PixelOps.blur(image, 0, channels, height, width, spec.blurSigma(), blurScratch);
                PixelOps.gaussianNoise(
                        image,
                        0,
                        size,
                        spec.gaussianNoiseSigma(),
                        PixelOps.mix(imageSeed ^ NOISE_STREAM));
                PixelOps.saltAndPepper(
                        image,
                        0,
                        channels,
                        plane,
                        spec.saltPepperShare(),
                        PixelOps.mix(imageSeed ^ SALT_STREAM));
                for (int k = 0; k < size; k++) {
                    int level = Math.round(image[k] * 255f);
                    out[from + k] = (byte) (level < 0 ? 0 : level > 255 ? 255 : level);
                }
            }
        }
        return new ImageSamples(
                channels, height, width, out, test.labels().clone(), test.classNames());
    }
}
