// GanLabSteps.java, line for line: one D and one G update phase by phase, then epochs with the metrics.
GanSession s = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(4));
void print(StepTrace trace) { System.out.println("== one " + trace.network().name().toLowerCase(Locale.ROOT) + " update =="); for (StepTrace.Step step : trace.phases()) { System.out.println(step.phase().ordinal() + 1 + ". " + step.caption()); for (Map.Entry<String, Tensor> t : step.tensors().entrySet()) { System.out.println("     " + t.getKey() + " " + t.getValue().shape() + (t.getValue().size() == 1 ? String.format(Locale.ROOT, " = %.4f", t.getValue().item()) : "")); } } }
print(s.stepDiscriminator());
print(s.stepGenerator());
for (int block = 1; block <= 4; block++) { GanSession.EpochLosses e = s.train(500); GanFrame f = s.frame(); System.out.printf(Locale.ROOT, "epoch %,5d  D loss/2 %.3f  G loss %.3f  KL %.2f  JS %.2f bits%n", e.epoch(), e.displayedDLoss(), e.gLoss(), f.kl(), f.js()); }
// the same session live in a browser: play, step D or G in slow motion, change settings, draw a distribution;
// close() stops the server (here after 200 more epochs; in your session, when you are done)
try (var live = Live.open(s)) { live.train(200); }
/exit 0
