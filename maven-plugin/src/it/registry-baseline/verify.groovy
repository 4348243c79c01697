import dev.accord.maven.it.ItSupport

def url = new File(basedir, 'registry.url').text
def config
def subjects
try {
    config = ItSupport.http('GET', "$url/config/customer-value", null)
    subjects = ItSupport.http('GET', "$url/subjects", null)
} finally {
    ItSupport.stopServer(basedir)
}
assert config.contains('"compatibilityLevel":"FULL"') : config
// the dry run wrote nothing
assert !subjects.contains('brand-new-value') : subjects

def log = ItSupport.log(basedir)
ItSupport.expect(log,
        // set-compatibility
        /customer-value: \{"compatibility":"FULL"\}/,
        // register: the referenced file first, then the referrer, each with version and id
        /(?s)customer-value: version 1, id \d+ \(registered\).*order-value: version 1, id \d+ \(registered\)/,
        /accord:register: 2 registered, 0 unchanged/,
        // download: order-value and the customer-value it references
        /order-value: version 1, id \d+ -> .*order-value.avsc/,
        /customer-value: version 1, id \d+ -> .*customer-value.avsc \(referenced\)/,
        // the second register changes nothing
        /customer-value: version 1, id \d+ \(already registered\)/,
        /accord:register: 0 registered, 2 unchanged/,
        // the dry run: the new subject would be registered
        /brand-new-value: would register a new version \(compatible\)/,
        /accord:register \(dry run\): 1 would be registered, 2 unchanged/,
        // check: BACKWARD_TRANSITIVE, incompatible with version 1 only
        /\[ERROR\] src\/main\/avro\/payments.avsc:8:5: READER_FIELD_MISSING_DEFAULT_VALUE The field 'currency' at path '\/fields\/2' in the new schema has no default value .*\[subject payments-value, baseline registry BACKWARD_TRANSITIVE, version 1\]/,
        /accord:check: 1 problem in 1 of 4 schemas against registry/)
ItSupport.expectNot(log, /brand-new.avsc:\d+/, /version 2\]/)

// the round trip: the downloaded schemas are the project's
ItSupport.assertSameSchemas(new File(basedir, 'src/main/avro'), new File(basedir, 'target/downloaded'),
        ['order-value', 'customer-value'])
def junit = ItSupport.junit(basedir)
assert junit.documentElement.getAttribute('tests') == '4'
assert junit.documentElement.getAttribute('failures') == '1'
ItSupport.sarif(basedir)
return true
