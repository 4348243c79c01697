import dev.accord.maven.it.ItSupport

ItSupport.generateSchemas(basedir, 200)
return true
