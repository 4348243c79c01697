import dev.accord.maven.it.ItSupport

def log = ItSupport.log(basedir)
ItSupport.expect(log,
        /accord:validate: 2 of 2 schemas valid/,
        /accord:check: no incompatible changes in 2 schemas against directory:baseline/,
        /Cannot reach the schema registry at http:\/\/127.0.0.1:1.*Continuing with the offline baselines \[directory:baseline\]/)
ItSupport.expectNot(log, /\[ERROR\]/)

def junit = ItSupport.junit(basedir)
assert junit.documentElement.getAttribute('tests') == '2'
assert junit.documentElement.getAttribute('failures') == '0'
def sarif = ItSupport.sarif(basedir)
assert sarif.get('runs').get(0).get('results').size() == 0
return true
