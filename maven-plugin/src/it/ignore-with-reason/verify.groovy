import dev.accord.maven.it.ItSupport

def log = ItSupport.log(basedir)
ItSupport.expect(log,
        /\[WARNING\] src\/main\/avro\/orders.avsc:9:7: TYPE_MISMATCH .* waived: quantity becomes a string; all consumers were migrated in ACME-42/,
        /\[WARNING\] src\/main\/avro\/orders.avsc:12:5: READER_FIELD_MISSING_DEFAULT_VALUE .* waived: channel is filled/,
        /\[WARNING\] src\/main\/avro\/orders.avsc:11:\d+: MISSING_ENUM_SYMBOLS .* waived: SHIPPED was never produced/,
        /\[WARNING\] UNUSED_IGNORE The ignore of rule NAME_MISMATCH for subject customers-value \(reason: left over from the rename of 2024\) matched no finding; remove it/,
        /accord:check: no incompatible changes in 2 schemas against directory:baseline \(3 waived, 1 warning\)/,
        /BUILD SUCCESS/)

def sarif = ItSupport.sarif(basedir)
def results = sarif.get('runs').get(0).get('results')
assert results.size() == 4
assert (0..<3).every { results.get(it).get('suppressions').get(0).get('justification').asText().length() > 0 }
def junit = ItSupport.junit(basedir)
assert junit.documentElement.getAttribute('failures') == '0'
return true
