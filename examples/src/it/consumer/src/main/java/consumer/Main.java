package consumer;

import java.nio.file.Files;
import java.nio.file.Path;

import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.view.PlaygroundView;
import org.nnlab.core.Compute;

/** Trains a Playground network and writes its picture; exits 1 unless the kernels are the expected ones. */
public final class Main {
    public static void main(String[] args) throws Exception {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse("dataset=xor&seed=0.5"));
        s.step(50);
        Path out = Path.of(args[0]);
        PlaygroundView.output(s, 200).writePng(out);
        String kernels = Compute.kernels();
        System.out.println("consumer: " + s.record() + " on " + kernels + " -> " + out + " (" + Files.size(out) + " bytes)");
        if (!kernels.startsWith(args[1]) || Files.size(out) < 1000) {
            System.err.println("consumer: expected " + args[1] + " kernels and a PNG, got " + kernels);
            System.exit(1);
        }
    }
}
