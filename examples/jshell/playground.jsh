// PlaygroundExample.java, line for line: a Playground URL trained with progress, then its picture.
String url = "https://playground.tensorflow.org/#dataset=spiral&networkShape=8,8,5&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&learningRate=0.03&seed=0.5";
PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse(url));
for (int block = 1; block <= 5; block++) { s.step(100); EpochStats last = s.last(); System.out.printf(Locale.ROOT, "epoch %d  train %.3f  test %.3f%n", s.epoch(), last.trainLoss(), last.testLoss()); }
// the same session live in a browser: Live.open prints the page's address; the page follows live.train and
// sends its own controls; close() stops the server (here after 20 epochs; in your session, when you are done)
try (var live = Live.open(s)) { live.train(20); }
Path out = Files.createTempDirectory("nnlab").resolve("playground.png");
PlaygroundView.figure(s).writePng(out);
System.out.println(s.record() + " -> " + out);
/exit 0
