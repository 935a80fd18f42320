package org.nnlab.actmax;

import org.nnlab.core.Rng;

/**
 * ShapeShop's 18 selectable shapes (spec A.3), with its exact pixels: rows and columns count from the
 * top left, all ranges inclusive, shape pixels 1 on a 0 background. The noise classes draw a new
 * U[0, 1) field (blurred with σ = 1 for {@link #NOISE_BLUR}) every time.
 */
public enum ShapeClass implements TrainingClass {
    /** Filled 14 x 14 box, rows and cols 7–20 (196 pixels). */
    BOX("box"),
    /** The box with rows and cols 9–18 cleared: a frame 2 pixels thick (96). */
    BOX_HOLLOW("box_hollow"),
    /** Vertical line, rows 7–20 x cols 13–14 (28). */
    LINE("line"),
    /** Horizontal line, rows 13–14 x cols 7–20 (28). */
    LINE_HORIZONTAL("line_horizontal"),
    /** (r-14)² + (c-14)² &lt;= 64 inside rows and cols 7–21: a disc with flat sides (193). */
    CIRCLE("circle"),
    /** The circle minus (r-14)² + (c-14)² &lt;= 25: a ring (112). */
    CIRCLE_HOLLOW("circle_hollow"),
    /** For k = 0..9, row 18-k, cols 5+k .. 23-k: apex up at (9, 14) (100). */
    TRI("tri"),
    /** The triangle minus, for k = 0..6, row 17-k, cols 8+k .. 20-k (51). */
    TRI_HOLLOW("tri_hollow"),
    /** Rows and cols 0–5 (36). */
    TL("tl"),
    /** Rows and cols 22–27 (36). */
    BR("br"),
    /** Rows 0–5 x cols 2–3 (12). */
    LINE_TL("line_tl"),
    /** Rows 22–27 x cols 25–26 (12). */
    LINE_BR("line_br"),
    /** (r-3)² + (c-3)² &lt;= 4 (13). */
    CIRCLE_TL("circle_tl"),
    /** (r-24)² + (c-24)² &lt;= 4 (13). */
    CIRCLE_BR("circle_br"),
    /** Row 0: col 3; row 1: cols 2–4; row 2: cols 1–5; row 3: cols 0–6 (16). */
    TRI_TL("tri_tl"),
    /** {@link #TRI_TL} moved by (+21, +21) (16). */
    TRI_BR("tri_br"),
    /** Every pixel i.i.d. U[0, 1), a new draw each time. */
    NOISE("noise"),
    /** U[0, 1) blurred by the σ = 1 Gaussian ({@link GaussianBlur}), a new draw each time. */
    NOISE_BLUR("noise_blur");

    private static final int N = SIDE;
    private final String uiName;

    ShapeClass(String uiName) {
        this.uiName = uiName;
    }

    @Override
    public String toString() {
        return uiName;
    }

    /** ShapeShop's UI name (box, box_hollow, line, ...). */
    public String uiName() {
        return uiName;
    }

    @Override
    public String label() {
        return uiName;
    }

    /**
     * The shape with this UI name.
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static ShapeClass ofName(String name) {
        for (ShapeClass s : values()) {
            if (s.uiName.equals(name)) {
                return s;
            }
        }
        StringBuilder names = new StringBuilder();
        for (ShapeClass s : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(s.uiName);
        }
        throw new IllegalArgumentException("ShapeClass: unknown shape \"" + name + "\"; expected one of " + names);
    }

    @Override
    public float[] draw(Rng rng) {
        float[] img = new float[N * N];
        switch (this) {
            case BOX -> fill(img, 7, 20, 7, 20, 1);
            case BOX_HOLLOW -> {
                fill(img, 7, 20, 7, 20, 1);
                fill(img, 9, 18, 9, 18, 0);
            }
            case LINE -> fill(img, 7, 20, 13, 14, 1);
            case LINE_HORIZONTAL -> fill(img, 13, 14, 7, 20, 1);
            case CIRCLE -> disc(img, 14, 14, 64, 7, 21, 1);
            case CIRCLE_HOLLOW -> {
                disc(img, 14, 14, 64, 7, 21, 1);
                disc(img, 14, 14, 25, 0, N - 1, 0);
            }
            case TRI -> triangle(img);
            case TRI_HOLLOW -> {
                triangle(img);
                for (int k = 0; k <= 6; k++) {
                    fill(img, 17 - k, 17 - k, 8 + k, 20 - k, 0);
                }
            }
            case TL -> fill(img, 0, 5, 0, 5, 1);
            case BR -> fill(img, 22, 27, 22, 27, 1);
            case LINE_TL -> fill(img, 0, 5, 2, 3, 1);
            case LINE_BR -> fill(img, 22, 27, 25, 26, 1);
            case CIRCLE_TL -> disc(img, 3, 3, 4, 0, N - 1, 1);
            case CIRCLE_BR -> disc(img, 24, 24, 4, 0, N - 1, 1);
            case TRI_TL -> smallTriangle(img, 0);
            case TRI_BR -> smallTriangle(img, 21);
            case NOISE, NOISE_BLUR -> {
                for (int i = 0; i < img.length; i++) {
                    img[i] = (float) rng.nextDouble();
                }
                if (this == NOISE_BLUR) {
                    return GaussianBlur.apply(img, N, N);
                }
            }
        }
        return img;
    }

    /** Whether this class is random (its template is a new draw). */
    public boolean isNoise() {
        return this == NOISE || this == NOISE_BLUR;
    }

    private static void fill(float[] img, int r0, int r1, int c0, int c1, float v) {
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                img[r * N + c] = v;
            }
        }
    }

    /** Sets (r - cr)² + (c - cc)² &lt;= r2 within rows and cols lo..hi. */
    private static void disc(float[] img, int cr, int cc, int r2, int lo, int hi, float v) {
        for (int r = lo; r <= hi; r++) {
            for (int c = lo; c <= hi; c++) {
                if ((r - cr) * (r - cr) + (c - cc) * (c - cc) <= r2) {
                    img[r * N + c] = v;
                }
            }
        }
    }

    private static void triangle(float[] img) {
        for (int k = 0; k <= 9; k++) {
            fill(img, 18 - k, 18 - k, 5 + k, 23 - k, 1);
        }
    }

    private static void smallTriangle(float[] img, int shift) {
        for (int row = 0; row <= 3; row++) {
            fill(img, row + shift, row + shift, 3 - row + shift, 3 + row + shift, 1);
        }
    }
}
