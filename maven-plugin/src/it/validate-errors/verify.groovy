import dev.accord.maven.it.ItSupport

def log = ItSupport.log(basedir)
ItSupport.expect(log,
        // a JSON syntax error: line and column from the parser
        /\[ERROR\] src\/main\/avro\/broken.avsc:6:5: INVALID_SCHEMA .*/,
        // an undefined type: located at its use
        /\[ERROR\] src\/main\/avro\/money.avsc:7:\d+: INVALID_SCHEMA .*Currency/,
        // a file whose referenced file is invalid: located at the reference
        /\[ERROR\] src\/main\/avro\/payment.avsc:7:\d+: INVALID_SCHEMA References src\/main\/avro\/money.avsc, which is invalid/,
        /accord:validate: 1 of 4 schemas valid/,
        /3 schemas are invalid/)
return true
