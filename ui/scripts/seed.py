#!/usr/bin/env python3
"""Fills a running Accord with data for trying the UI, taking screenshots and measuring it.

  ui/scripts/seed.py http://localhost:8080 --demo            # a few subjects with history, references, metadata
  ui/scripts/seed.py http://localhost:8080 --subjects 10000  # many subjects (bulk-0000001-value ...)

Only the Confluent REST API is used. Standard library only.
"""
import argparse
import http.client
import json
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

CT = 'application/vnd.schemaregistry.v1+json'
local = threading.local()


def call(base, method, path, body=None, ok=(200,)):
    url = urllib.parse.urlparse(base)
    conn = getattr(local, 'conn', None)
    if conn is None:
        conn = local.conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=60)
    payload = None if body is None else json.dumps(body)
    conn.request(method, path, payload, {'Content-Type': CT, 'Accept': CT})
    resp = conn.getresponse()
    data = resp.read().decode()
    if resp.status not in ok:
        raise SystemExit(f'{method} {path} -> {resp.status} {data}')
    return json.loads(data) if data else None


def q(subject):
    return urllib.parse.quote(subject, safe='')


def register(base, subject, schema, **extra):
    body = {'schema': json.dumps(schema) if not isinstance(schema, str) else schema, **extra}
    return call(base, 'POST', f'/subjects/{q(subject)}/versions', body)


def record(name, fields, ns='com.acme', **extra):
    return {'type': 'record', 'name': name, 'namespace': ns, **extra, 'fields': fields}


def demo(base):
    f = lambda n, t, **d: {'name': n, 'type': t, **d}
    register(base, 'com.acme.Money', record('Money', [f('units', 'long'), f('currency', 'string')], doc='An amount of money'))
    money_ref = [{'name': 'com.acme.Money', 'subject': 'com.acme.Money', 'version': 1}]
    register(base, 'orders-value', record('Order', [f('id', 'string'), f('amount', 'int')]))
    register(base, 'orders-value', record('Order', [f('id', 'string'), f('amount', 'long'), f('currency', 'string', default='EUR')]))
    call(base, 'PUT', '/config/orders-value', {'compatibility': 'NONE'})
    register(base, 'orders-value', record('Order', [
        f('id', 'string'), f('amount', 'int'), f('customer', 'string'),
        f('status', {'type': 'enum', 'name': 'Status', 'symbols': ['NEW', 'PAID']})]))
    call(base, 'PUT', '/config/orders-value', {'compatibility': 'BACKWARD'})
    register(base, 'payments-value', record('Payment', [
        f('id', 'string'), f('amount', 'com.acme.Money'),
        f('method', {'type': 'enum', 'name': 'Method', 'symbols': ['CARD', 'SEPA']})], doc='A payment'),
        references=money_ref,
        metadata={'properties': {'owner': 'team-payments', 'application.major.version': '1'}, 'tags': {'/fields/0': ['PII']}},
        ruleSet={'domainRules': [{'name': 'positiveAmount', 'kind': 'CONDITION', 'mode': 'WRITE', 'type': 'CEL',
                                  'expr': 'message.amount.units > 0', 'onFailure': 'DLQ'}]})
    register(base, 'payments-value', record('Payment', [
        f('id', 'string'), f('amount', 'com.acme.Money'),
        f('method', {'type': 'enum', 'name': 'Method', 'symbols': ['CARD', 'SEPA', 'PAYPAL'], 'default': 'CARD'}),
        f('note', ['null', 'string'], default=None)], doc='A payment'), references=money_ref)
    for name in ['shipments', 'invoices', 'customers', 'clicks', 'inventory', 'refunds']:
        title = name.capitalize()
        register(base, f'{name}-value', record(title, [f('id', 'string')]))
        register(base, f'{name}-value', record(title, [f('id', 'string'), f('at', 'long', default=0)]))
    register(base, 'customers-value', record('Customers', [f('id', 'string'), f('at', 'long', default=0),
                                                           f('email', ['null', 'string'], default=None)]))
    call(base, 'PUT', '/config/clicks-value', {'compatibility': 'FULL_TRANSITIVE'})
    call(base, 'PUT', '/config/customers-value', {'compatibility': 'FORWARD'})
    call(base, 'DELETE', '/subjects/inventory-value/versions/1')
    call(base, 'DELETE', '/subjects/refunds-value')
    print('demo data registered')


def bulk(base, count, threads):
    levels = [None, None, None, 'FULL', 'FORWARD']

    def one(i):
        subject = f'bulk-{i:07d}-value'
        register(base, subject, record(f'Event{i}', [{'name': 'id', 'type': 'string'},
                                                     {'name': f'f{i % 97}', 'type': 'long', 'default': 0}]))
        level = levels[i % len(levels)]
        if level:
            call(base, 'PUT', f'/config/{q(subject)}', {'compatibility': level})

    start = time.time()
    with ThreadPoolExecutor(threads) as pool:
        for n, _ in enumerate(pool.map(one, range(1, count + 1)), 1):
            if n % 1000 == 0:
                print(f'{n} subjects, {n / (time.time() - start):.0f}/s', flush=True)
    print(f'{count} subjects registered in {time.time() - start:.1f}s')


if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('base', help='the server, e.g. http://localhost:8080')
    p.add_argument('--demo', action='store_true', help='register the demo subjects')
    p.add_argument('--subjects', type=int, default=0, help='register this many bulk subjects')
    p.add_argument('--threads', type=int, default=4)
    a = p.parse_args()
    if not a.demo and not a.subjects:
        p.error('nothing to do: --demo and/or --subjects N')
    if a.demo:
        demo(a.base.rstrip('/'))
    if a.subjects:
        bulk(a.base.rstrip('/'), a.subjects, a.threads)
    sys.exit(0)
