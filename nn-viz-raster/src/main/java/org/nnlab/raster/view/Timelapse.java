package org.nnlab.raster.view;

import org.nnlab.core.Checks;

/**
 * How a training time-lapse is recorded: {@code frames} pictures, the first before training and one after each
 * further stretch of {@code epochsPerFrame} epochs, each {@code size} pixels wide, shown {@code delayCentis}
 * hundredths of a second apart in a GIF. {@link PlaygroundView#trainTimelapse} and
 * {@link GanLabView#trainTimelapse} train the session they are given by (frames - 1) x epochsPerFrame epochs.
 *
 * <pre>{@code
 * Timelapse lapse = Timelapse.DEFAULT.withFrames(60).withEpochsPerFrame(5);
 * PlaygroundView.writeTrainingGif(session, Path.of("run.gif"), lapse);   // trains 295 epochs
 * }</pre>
 *
 * @param frames         pictures, 1..10,000
 * @param epochsPerFrame epochs trained between two pictures, 1..1,000,000
 * @param size           the picture's width in pixels, 120..4,096 (GAN Lab's needs 100 or more)
 * @param delayCentis    time per frame in the GIF, in 1/100 s, 1..65,535
 */
public record Timelapse(int frames, int epochsPerFrame, int size, int delayCentis) {
    /** 60 frames, 5 epochs apart, 300 pixels wide, 0.08 s each (a 5-second loop). */
    public static final Timelapse DEFAULT = new Timelapse(60, 5, 300, 8);

    /** Validates every field, naming it, its value and its range. */
    public Timelapse {
        Checks.requireArgument(frames >= 1 && frames <= 10_000, "Timelapse: frames must be 1..10000, got %d", frames);
        Checks.requireArgument(epochsPerFrame >= 1 && epochsPerFrame <= 1_000_000,
                "Timelapse: epochsPerFrame must be 1..1000000, got %d", epochsPerFrame);
        Checks.requireArgument(size >= 120 && size <= 4096, "Timelapse: size must be 120..4096, got %d", size);
        Checks.requireArgument(delayCentis >= 1 && delayCentis <= 65_535,
                "Timelapse: delayCentis must be 1..65535, got %d", delayCentis);
    }

    /** This time-lapse with another number of frames. */
    public Timelapse withFrames(int newFrames) {
        return new Timelapse(newFrames, epochsPerFrame, size, delayCentis);
    }

    /** This time-lapse with another number of epochs between frames. */
    public Timelapse withEpochsPerFrame(int newEpochsPerFrame) {
        return new Timelapse(frames, newEpochsPerFrame, size, delayCentis);
    }

    /** This time-lapse with another picture width. */
    public Timelapse withSize(int newSize) {
        return new Timelapse(frames, epochsPerFrame, newSize, delayCentis);
    }

    /** This time-lapse with another frame delay. */
    public Timelapse withDelayCentis(int newDelayCentis) {
        return new Timelapse(frames, epochsPerFrame, size, newDelayCentis);
    }

    /** The epochs the whole time-lapse trains: (frames - 1) x epochsPerFrame. */
    public long epochs() {
        return (long) (frames - 1) * epochsPerFrame;
    }
}
