import dev.accord.maven.it.ItSupport

// commit 1 (tag v1.0.0), commit 2 (HEAD: orders.avsc moved to sales/ with a compatible change), then an
// uncommitted incompatible change to payments.avsc in the work tree
def avro = new File(basedir, 'src/main/avro')
def put = { String version -> ItSupport.copyTree(new File(basedir, "history/$version"), avro) }
new File(basedir, '.gitignore').text = 'target/\n*.log\nhistory/\n'
put('v1')
ItSupport.commitAll(basedir, 'v1', 'v1.0.0')
put('v2')
ItSupport.commitAll(basedir, 'v2: orders moved to sales/, with a compatible change', null)
put('work')
return true
