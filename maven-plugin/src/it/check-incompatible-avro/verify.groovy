import dev.accord.maven.it.ItSupport

def runs = ItSupport.log(basedir).split(/(?m)^\[INFO\] Scanning for projects/)
assert runs.length == 3 : "expected two builds in build.log"
def log = runs[1]
// file:line:column: RULE_ID message (fix hint) [subject, baseline]
ItSupport.expect(log,
        /\[ERROR\] src\/main\/avro\/orders.avsc:9:7: TYPE_MISMATCH .*\(keep the old type.*\) \[subject orders-value, baseline directory:baseline BACKWARD\]/,
        /\[ERROR\] src\/main\/avro\/orders.avsc:12:5: READER_FIELD_MISSING_DEFAULT_VALUE The field 'channel' at path '\/fields\/3' in the new schema has no default value/,
        /\[ERROR\] src\/main\/avro\/orders.avsc:11:\d+: MISSING_ENUM_SYMBOLS /,
        /accord:check: 3 problems in 1 of 2 schemas against directory:baseline/,
        // GitHub Actions workflow commands, on lines of their own
        /(?m)^::error file=(.*\/)?src\/main\/avro\/orders.avsc,line=12,col=5,title=READER_FIELD_MISSING_DEFAULT_VALUE \(orders-value\)::/,
        /BUILD FAILURE/)
// failOn=never: the same problems, reported, and the build passes
ItSupport.expect(runs[2],
        /\[ERROR\] src\/main\/avro\/orders.avsc:9:7: TYPE_MISMATCH /,
        /accord:check: 3 problems in 1 of 2 schemas against directory:baseline/,
        /BUILD SUCCESS/)

def junit = ItSupport.junit(basedir)
assert junit.documentElement.getAttribute('tests') == '2'
assert junit.documentElement.getAttribute('failures') == '1'
def cases = junit.getElementsByTagName('testcase')
def orders = (0..<cases.length).collect { cases.item(it) }.find { it.getAttribute('name') == 'src/main/avro/orders.avsc' }
assert orders.getElementsByTagName('failure').length == 1

def sarif = ItSupport.sarif(basedir)
def results = sarif.get('runs').get(0).get('results')
assert results.size() == 3
def rules = (0..<results.size()).collect { results.get(it).get('ruleId').asText() } as Set
assert rules == ['TYPE_MISMATCH', 'READER_FIELD_MISSING_DEFAULT_VALUE', 'MISSING_ENUM_SYMBOLS'] as Set
assert new File(basedir, 'target/accord/github-annotations.txt').readLines().size() == 3
return true
