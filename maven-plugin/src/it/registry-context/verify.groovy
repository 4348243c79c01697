import dev.accord.maven.it.ItSupport

def url = new File(basedir, 'registry.url').text
def inContext
def inDefault
def contexts
try {
    inContext = ItSupport.http('GET', "$url/subjects/:.team-a:orders-value/versions/latest", null)
    inDefault = ItSupport.http('GET', "$url/subjects/orders-value/versions", null)
    contexts = ItSupport.http('GET', "$url/contexts", null)
} finally {
    ItSupport.stopServer(basedir)
}
// registered in the context, with the context's first id; the default context's subject is untouched
assert inContext.contains('"subject":":.team-a:orders-value"') : inContext
assert inContext.contains('"id":1,') : inContext
assert inContext.contains('\\"long\\"') : inContext
assert inDefault == '[1]' : inDefault
assert contexts == '[".",".team-a"]' : contexts

def log = ItSupport.log(basedir)
ItSupport.expect(log,
        /orders-value: version 1, id 1 \(registered\)/,
        /accord:register: 1 registered, 0 unchanged/,
        /accord:check: no incompatible changes in 1 schemas? against registry/,
        /\[ERROR\] src\/main\/avro\/orders.avsc:\d+:\d+: .*\[subject orders-value, baseline registry BACKWARD/)
return true
