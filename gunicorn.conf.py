"""gunicorn settings of the web processes (README "Run in production"). The address comes from
the command line (``--bind``); the rest from here and the environment."""

import os

wsgi_app = "cms.wsgi:application"
# Synchronous workers: each serves one request at a time, and pages are mostly served from the
# page cache. Two to four per core; WEB_CONCURRENCY sets it.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# A request that takes longer is stuck: the worker is replaced.
timeout = 30
graceful_timeout = 30
keepalive = 5
# Replace each worker now and then, so that no slow leak grows for weeks.
max_requests = 2000
max_requests_jitter = 200
# Requests and errors to standard output, where the process manager collects them.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
# gunicorn's control socket (one path per user) would be shared by every web process of a machine.
control_socket_disable = True
