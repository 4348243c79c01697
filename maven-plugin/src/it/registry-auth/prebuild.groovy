import dev.accord.maven.it.ItSupport
import groovy.json.JsonSlurper

def admin = 'admin:it-admin-password-long'
def url = ItSupport.startServer(new File(serverJar), basedir,
        ['ACCORD_AUTH_ENABLED': 'true', 'ACCORD_ADMIN_PASSWORD': 'it-admin-password-long'])
def created = new JsonSlurper().parseText(ItSupport.http('POST', "$url/v1/auth/keys",
        '{"description":"orders team CI","role":"writer","subjects":["orders-*"]}', admin))
def credentials = ['accord.registryUrl': url, 'accord.username': created.key, 'accord.password': created.secret]
ItSupport.writeProperties(basedir, 'auth.properties', credentials)
ItSupport.writeProperties(basedir, 'orders-only.properties', credentials + ['accord.excludes': 'payments.avsc'])
new File(basedir, 'registry.url').text = url
return true
