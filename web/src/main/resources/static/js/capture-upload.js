// Streams the capture upload to the API with a progress bar, then opens the capture's page. Without this script the
// form posts to /captures/upload (within the server-wide form limit).
(function () {
  'use strict';
  var form = document.getElementById('capture-upload-form');
  if (!form || !window.XMLHttpRequest || !window.FormData) {
    return;
  }
  var progress = document.getElementById('upload-progress');
  var status = document.getElementById('upload-status');
  var button = document.getElementById('upload-capture');

  function sizeText(bytes) {
    var units = ['bytes', 'KB', 'MB', 'GB'];
    var unit = 0;
    while (bytes >= 1024 && unit < units.length - 1) {
      bytes /= 1024;
      unit++;
    }
    return (unit === 0 ? bytes : bytes.toFixed(1)) + ' ' + units[unit];
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = document.getElementById('capture-file').files[0];
    if (!file) {
      status.textContent = 'Choose a capture file first.';
      return;
    }
    // the small fields first, the file last: the server checks them before it reads the file
    var data = new FormData();
    data.append('label', document.getElementById('capture-label').value);
    var vendor = document.getElementById('capture-vendor');
    if (vendor && vendor.value) {
      data.append('vendorId', vendor.value);
    }
    var internal = document.getElementById('capture-internal').value.trim();
    if (internal) {
      data.append('internal', internal);
    }
    var keylog = document.getElementById('capture-keylog').files[0];
    if (keylog) {
      data.append('keylog', keylog, keylog.name);
    }
    data.append('file', file, file.name);

    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('data-stream-to'));
    xhr.setRequestHeader('X-CSRF-TOKEN', form.querySelector('input[name="_csrf"]').value);
    xhr.setRequestHeader('Accept', 'application/json');
    progress.hidden = false;
    progress.value = 0;
    button.disabled = true;
    status.textContent = 'Uploading ' + file.name + ' (' + sizeText(file.size) + ')…';
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round(100 * e.loaded / e.total);
        status.textContent = 'Uploading ' + file.name + ': ' + sizeText(e.loaded) + ' of ' + sizeText(e.total) + ' sent.';
      }
    });
    xhr.addEventListener('load', function () {
      var body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch (ignored) {
        body = null;
      }
      if ((xhr.status === 202 || xhr.status === 200) && body && body.id) {
        progress.value = 100;
        status.textContent = xhr.status === 200 ? 'This file was uploaded before; opening its analysis…'
          : 'Uploaded; opening the analysis…';
        window.location.href = form.getAttribute('data-capture-base') + body.id;
        return;
      }
      button.disabled = false;
      progress.hidden = true;
      status.textContent = (body && body.detail) ? body.detail
        : 'The upload was refused (HTTP ' + xhr.status + ').';
    });
    xhr.addEventListener('error', function () {
      button.disabled = false;
      progress.hidden = true;
      status.textContent = 'The upload was interrupted; check the connection and try again.';
    });
    xhr.send(data);
  });
})();
