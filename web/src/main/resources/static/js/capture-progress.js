// Follows a capture's analysis on its page: polls the API for the progress, reloads when it is done or failed.
(function () {
  'use strict';
  var box = document.getElementById('analysis-progress');
  if (!box) {
    return;
  }
  var bar = document.getElementById('analysis-bar');
  var text = document.getElementById('analysis-percent');
  var url = box.getAttribute('data-status-url');
  function poll() {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.addEventListener('load', function () {
      if (xhr.status !== 200) {
        window.setTimeout(poll, 3000);
        return;
      }
      var capture = JSON.parse(xhr.responseText);
      var percent = Math.round(100 * capture.progress);
      bar.value = percent;
      text.textContent = percent + ' %';
      if (capture.status === 'DONE' || capture.status === 'FAILED') {
        window.location.reload();
      } else {
        window.setTimeout(poll, 1000);
      }
    });
    xhr.addEventListener('error', function () {
      window.setTimeout(poll, 3000);
    });
    xhr.send();
  }
  window.setTimeout(poll, 500);
})();
