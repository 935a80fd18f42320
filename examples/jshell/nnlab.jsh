// nnlab's startup script: the imports every scenario uses.
// mvn -q -Pjshell -DskipTests -pl examples -am package            (interactive)
// mvn -q -Pjshell -DskipTests -pl examples -am package -Djshell.script=$PWD/examples/jshell/playground.jsh
import java.nio.file.*
import java.util.*
import org.nnlab.core.*
import org.nnlab.nn.*
import org.nnlab.playground.*
import org.nnlab.gan.*
import org.nnlab.actmax.*
import org.nnlab.sweep.*
import org.nnlab.raster.*
import org.nnlab.raster.live.Live
import org.nnlab.raster.view.*
