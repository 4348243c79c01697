import dev.accord.maven.it.ItSupport

try {
    def log = ItSupport.log(basedir)
    // the refusal names the subject, the status and the missing permission (register looks the schema up first,
    // which needs read access to the subject)
    ItSupport.expect(log, /denied the lookup in payments-value \(HTTP 403\): key:AK\w+ may not read subject 'payments-value': this needs the reader role on subject 'payments-value'/)
    def url = new File(basedir, 'registry.url').text
    def admin = 'admin:it-admin-password-long'
    // the first build wrote nothing; the second registered the subject inside the key's prefix, as that key
    assert ItSupport.http('GET', "$url/subjects/orders-value/versions", null, admin) == '[1]'
    def events = ItSupport.http('GET', "$url/v1/events?limit=1000", null, admin)
    assert events.contains('"type":"SCHEMA_REGISTERED"') && events.contains('"actor":"key:') : events
    assert !ItSupport.http('GET', "$url/subjects", null, admin).contains('payments-value')
    // the secret is in no line of the build log
    def properties = new Properties()
    new File(basedir, 'auth.properties').withInputStream { properties.load(it) }
    assert !log.contains(properties.getProperty('accord.password'))
    return true
} finally {
    ItSupport.stopServer(basedir)
}
