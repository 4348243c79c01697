import dev.accord.maven.it.ItSupport

def jar = new File(basedir, 'v1/target/artifact-baseline-1.0-schemas.jar')
assert jar.isFile()
def entries = new java.util.jar.JarFile(jar).entries().collect { it.name }
assert entries.contains('META-INF/accord/schemas/shipment.avsc') : entries
assert entries.contains('META-INF/accord/schemas/index.json') : entries
assert new File(localRepositoryPath, 'it/accord/artifact-baseline/1.0/artifact-baseline-1.0-schemas.jar').isFile()

def log = ItSupport.log(basedir)
ItSupport.expect(log,
        /Baseline artifact:previous is it.accord:artifact-baseline:1.0:schemas/,
        /\[ERROR\] src\/main\/avro\/shipment.avsc:7:\d+: MISSING_ENUM_SYMBOLS .*FEDEX.*\[subject shipment-value, baseline artifact:it.accord:artifact-baseline:1.0:schemas BACKWARD\]/,
        /accord:check: 1 problem in 1 of 1 schema against artifact:it.accord:artifact-baseline:1.0:schemas/)
return true
