import dev.accord.maven.it.ItSupport

def url = ItSupport.startServer(new File(serverJar), basedir)
// the default context has an orders-value the project's schema is incompatible with
ItSupport.register(url, 'orders-value', new File(basedir, 'seed/orders-default.avsc'))
ItSupport.writeProperties(basedir, 'context.properties', ['accord.registryUrl': url, 'accord.context': 'team-a'])
ItSupport.writeProperties(basedir, 'default.properties', ['accord.registryUrl': url])
new File(basedir, 'registry.url').text = url
return true
