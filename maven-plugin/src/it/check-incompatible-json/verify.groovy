import dev.accord.maven.it.ItSupport

def log = ItSupport.log(basedir)
// the reference to address.json resolved, both files valid
ItSupport.expectNot(log, /INVALID_SCHEMA/)
// the type of "id" changed from string to integer: a JSON Schema rule, located in the file
ItSupport.expect(log,
        /\[ERROR\] src\/main\/json-schema\/customer.schema.json:6:5: [A-Z][A-Z_]+ .*\[subject customer-value, baseline directory:baseline BACKWARD\]/,
        /accord:check: \d+ problems? in 1 of 2 schemas against directory:baseline/)
def sarif = ItSupport.sarif(basedir)
assert sarif.get('runs').get(0).get('results').size() >= 1
return true
