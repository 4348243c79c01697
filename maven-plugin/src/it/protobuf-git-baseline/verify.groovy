import dev.accord.maven.it.ItSupport

def log = ItSupport.log(basedir)
ItSupport.expect(log,
        /Baseline git:v1.0.0 is commit [0-9a-f]{10}/,
        // the field with the new type, at its line and column in the .proto file
        /\[ERROR\] src\/main\/proto\/acme\/orders.proto:10:3: FIELD_SCALAR_KIND_CHANGED Field 'quantity' at '\/Order\/fields\/3' changed its type from int32 to string.*\[subject orders-value, baseline git:v1.0.0 BACKWARD\]/,
        /accord:check: 1 problem in 1 of 2 schemas against git:v1.0.0/)
// the imported file is its own subject and unchanged
ItSupport.expectNot(log, /money.proto:\d+:\d+:/)
def junit = ItSupport.junit(basedir)
def cases = junit.getElementsByTagName('testcase')
def money = (0..<cases.length).collect { cases.item(it) }.find { it.getAttribute('name') == 'src/main/proto/acme/common/money.proto' }
assert money != null : 'money.proto is checked'
assert money.getElementsByTagName('failure').length == 0
return true
