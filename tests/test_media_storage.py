"""Media on S3-compatible object storage (django-storages and boto3), so that every server sees
every upload. Tested against moto's server mode on 127.0.0.1: a separate process speaking the
S3 API over HTTP, as MinIO or Amazon would. Local files stay the default."""

import io
import re

import boto3
import pytest
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.settings.environment import media_storage
from tests.servers import MotoServer

BUCKET = "carelingua-media"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test-key", "AWS_SECRET_ACCESS_KEY": "test-secret"}  # moto accepts any


def test_local_files_by_default():
    assert media_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_a_bucket_name_switches_to_s3_with_a_private_bucket_and_signed_links():
    storage = media_storage(
        {
            "AWS_STORAGE_BUCKET_NAME": "media",
            "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
            "AWS_S3_REGION_NAME": "eu-west-2",
        }
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert (options["bucket_name"], options["endpoint_url"], options["region_name"]) == (
        "media",
        "https://s3.example.org",
        "eu-west-2",
    )
    assert (options["default_acl"], options["querystring_auth"], options["file_overwrite"]) == (None, True, False)
    assert options["querystring_expire"] == 3600


def test_a_malformed_link_lifetime_is_named():
    with pytest.raises(ImproperlyConfigured, match="AWS_QUERYSTRING_EXPIRE"):
        media_storage({"AWS_STORAGE_BUCKET_NAME": "media", "AWS_QUERYSTRING_EXPIRE": "an hour"})


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    """moto's S3 server with an empty private bucket; the environment a server needs to use it."""
    server = MotoServer(tmp_path_factory.mktemp("moto") / "moto.log").start()
    client = boto3.client(
        "s3",
        endpoint_url=server.url,
        region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=BUCKET)
    environment = {
        **CREDENTIALS,
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": server.url,
        "AWS_S3_REGION_NAME": "us-east-1",
    }
    yield client, environment
    server.stop()


@pytest.fixture
def on_s3(s3, monkeypatch):
    """This process stores media in the bucket, configured from the environment as production is."""
    client, environment = s3
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with override_settings(STORAGES={**settings.STORAGES, "default": media_storage()}):
        yield client, environment


def png(colour="teal"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (120, 80), colour).save(buffer, "PNG")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def upload_through_the_admin(client, admin):
    """A leaflet and a picture, uploaded as an editor does, through Wagtail's admin forms."""
    client.force_login(admin)
    leaflet = io.BytesIO(PDF)
    leaflet.name = "leaflet.pdf"
    picture = io.BytesIO(png())
    picture.name = "picture.png"
    assert (
        client.post(
            "/admin/documents/add/",
            {"title": "Leaflet", "file": leaflet, "collection": Collection.get_first_root_node().pk},
        ).status_code
        == 302
    )
    assert (
        client.post(
            "/admin/images/add/",
            {"title": "Picture", "file": picture, "collection": Collection.get_first_root_node().pk},
        ).status_code
        == 302
    )
    return get_document_model().objects.get(title="Leaflet"), get_image_model().objects.get(title="Picture")


def bucket_keys(client):
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


@pytest.fixture
def admin(db):
    if not Collection.objects.exists():  # a transactional test before this one emptied the database
        Collection.add_root(name="Root")
    return get_user_model().objects.create_superuser("media-admin", "media@example.org", "media-password")


def test_uploads_through_wagtail_go_to_the_bucket_and_come_back(client, admin, on_s3):
    s3_client, _environment = on_s3
    document, image = upload_through_the_admin(client, admin)
    assert {document.file.name, image.file.name} <= bucket_keys(s3_client)
    # The document link redirects to a signed URL of the private bucket.
    response = client.get(document.url)
    assert response.status_code == 302 and "Signature=" in response["Location"]
    assert requests.get(response["Location"], timeout=10).content == PDF
    # A rendition is made from the original in the bucket and stored beside it.
    rendition = image.get_rendition("fill-40x40")
    assert rendition.file.name in bucket_keys(s3_client)
    assert PillowImage.open(io.BytesIO(requests.get(rendition.url, timeout=10).content)).size == (40, 40)


@pytest.mark.production
@pytest.mark.django_db(transaction=True)
def test_an_upload_to_one_server_is_served_by_the_other(client, admin, on_s3, topology):
    """Uploaded here (server one), read back through a gunicorn server on production settings
    that shares only the database and the bucket."""
    _s3_client, environment = on_s3
    document, image = upload_through_the_admin(client, admin)
    (second,) = topology.web(1, **environment)
    browser = second.browser()
    response = browser.get(second.url + document.url)
    assert response.status_code == 302
    assert requests.get(response.headers["Location"], timeout=10).content == PDF
    browser.log_in(admin)
    edit_page = browser.get(f"{second.url}/admin/images/{image.pk}/").text
    rendition_url = re.search(r'src="(http://127\.0\.0\.1:8120/[^"]+)"', edit_page).group(1).replace("&amp;", "&")
    assert PillowImage.open(io.BytesIO(requests.get(rendition_url, timeout=10).content)).format == "PNG"
