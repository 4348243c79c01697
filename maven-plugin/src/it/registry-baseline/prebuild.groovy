import dev.accord.maven.it.ItSupport

def url = ItSupport.startServer(new File(serverJar), basedir)
// payments-value: BACKWARD_TRANSITIVE with two versions (v2 adds currency with a default)
ItSupport.http('PUT', "$url/config/payments-value", '{"compatibility":"BACKWARD_TRANSITIVE"}')
ItSupport.register(url, 'payments-value', new File(basedir, 'seed/payments-v1.avsc'))
ItSupport.register(url, 'payments-value', new File(basedir, 'seed/payments-v2.avsc'))
ItSupport.writeProperties(basedir, 'register.properties',
        ['accord.registryUrl': url, 'accord.excludes': 'payments.avsc,brand-new.avsc'])
ItSupport.writeProperties(basedir, 'dry-run.properties',
        ['accord.registryUrl': url, 'accord.excludes': 'payments.avsc', 'accord.dryRun': 'true'])
ItSupport.writeProperties(basedir, 'check.properties', ['accord.registryUrl': url])
new File(basedir, 'registry.url').text = url
return true
