// ShapeShopExperiments.java, line for line: data diversity (MLP) and MLP against CNN, with |r| per class.
Path dir = Files.createTempDirectory("nnlab");
void write(List<ShapeShop.Round> rounds, Path target) throws java.io.IOException { for (ShapeShop.Round r : rounds) { StringBuilder b = new StringBuilder(r.config().architecture().label() + ":"); for (ShapeShop.ClassResult c : r.classes()) { b.append("  ").append(c.name()).append(' ').append(Pearson.format(c.r())); } System.out.println(b); } ShapeShopView.rows(rounds, 1.0).writePng(target); System.out.println("-> " + target); }
write(ShapeShopScenarios.dataDiversity(Architecture.MLP, 100, 1), dir.resolve("shapeshop-diversity.png"));
write(ShapeShopScenarios.mlpVersusCnn(1), dir.resolve("shapeshop-mlp-vs-cnn.png"));
// ShapeShop live in a browser: pick classes and train there; live.train(n) runs one round of n epochs from here
try (var live = Live.open(new ShapeShop.Config(List.of(ShapeClass.BOX, ShapeClass.CIRCLE, ShapeClass.TRI), Architecture.MLP, 20, InitialImage.ZEROS, 0.005, 1, 10_000))) { live.train(20); System.out.println("|r| of the first class: " + Pearson.format(live.with(r -> r.classes().get(0).r()))); }
/exit 0
