import dev.accord.maven.it.ItSupport

def log = ItSupport.log(basedir)
ItSupport.expect(log,
        /Baseline git:v1.0.0 is commit [0-9a-f]{10}/,
        /Baseline git:HEAD is commit [0-9a-f]{10}/,
        /\[ERROR\] src\/main\/avro\/payments.avsc:7:\d+: TYPE_MISMATCH .*\[subject payments-value, baseline git:v1.0.0 BACKWARD\]/,
        /\[ERROR\] src\/main\/avro\/payments.avsc:7:\d+: TYPE_MISMATCH .*\[subject payments-value, baseline git:HEAD BACKWARD\]/,
        /accord:check: 2 problems in 1 of 2 schemas against git:v1.0.0, git:HEAD/)
// the moved file is matched by its subject, and is compatible with both commits
ItSupport.expectNot(log, /orders.avsc:\d+:\d+:/)
def junit = ItSupport.junit(basedir)
def cases = junit.getElementsByTagName('testcase')
def orders = (0..<cases.length).collect { cases.item(it) }.find { it.getAttribute('name') == 'src/main/avro/sales/orders.avsc' }
assert orders.getElementsByTagName('failure').length == 0
def notes = orders.getElementsByTagName('system-out').item(0).textContent
assert notes.contains('compatible with git:v1.0.0 (src/main/avro/orders.avsc) (BACKWARD)') : notes
assert notes.contains('compatible with git:HEAD (BACKWARD)') : notes
// the work tree was not touched: the change is still there, uncommitted
assert new File(basedir, 'src/main/avro/payments.avsc').text.contains('"type": "string"')
assert ItSupport.modified(basedir, 'src/main/avro/payments.avsc')
return true
