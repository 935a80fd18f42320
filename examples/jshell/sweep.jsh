// SweepExample.java, line for line: which k and generator learning rates keep GAN Lab's ring from collapsing?
Path out = Files.createTempDirectory("nnlab").resolve("sweep-ring.png");
Space space = Space.parse("dataset=ring&kD={1|3}&gLR=[0.003..0.1]log", 3, 1);
Sweep sweep = Sweep.of("ganlab", space, Sweep.seeds(2), 200, new Sweep.Objective("kl", Double.NaN, false, 20));
Summary summary = new Summary(sweep, 2);
LocalSweep.run(sweep, LocalSweep.defaultThreads(), i -> false, summary);
System.out.print(summary.format(3));
SweepView.sheet(sweep, summary.best(), summary.worst(), 200).writePng(out);
System.out.println("-> " + out);
/exit 0
