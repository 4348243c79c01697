import dev.accord.maven.it.ItSupport

// commit 1 (tag v1.0.0) with orders.proto importing acme/common/money.proto, then an uncommitted change
// that turns orders' field 3 from int32 into string
def proto = new File(basedir, 'src/main/proto')
def put = { String version -> ItSupport.copyTree(new File(basedir, "history/$version"), proto) }
new File(basedir, '.gitignore').text = 'target/\n*.log\nhistory/\n'
put('v1')
ItSupport.commitAll(basedir, 'v1', 'v1.0.0')
put('work')
return true
