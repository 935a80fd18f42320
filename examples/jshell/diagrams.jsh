// Diagrams.java, line for line: the text summaries of ShapeShop's CNN and a GAN, and their diagrams.
Path dir = Files.createTempDirectory("nnlab");
ModelSummary cnn = Architecture.CNN.summary(10);
System.out.println(cnn.toText());
System.out.println(cnn.toAsciiFlow());
ModelSummary gan = GanSummary.of("ganlab-ring", GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(1)));
System.out.println(gan.toText());
ArchitectureDiagram.of(cnn).writePng(dir.resolve("cnn.png"));
ArchitectureDiagram.of(gan).writePng(dir.resolve("gan.png"));
System.out.println("-> " + dir.resolve("cnn.png") + ", " + dir.resolve("gan.png"));
/exit 0
