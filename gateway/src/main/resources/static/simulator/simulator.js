// The FrontDoor texting simulator page: sends what you type through FrontDoor's real Twilio webhook (the server
// signs it) and polls the messages of your number, FrontDoor's replies included. No dependencies.
(function () {
  'use strict';
  var thread = document.getElementById('thread');
  var empty = document.getElementById('empty');
  var phone = document.getElementById('phone');
  var compose = document.getElementById('compose');
  var statusLine = document.getElementById('status');
  var send = document.getElementById('send');
  var lastId = 0;
  var currentPhone = phone.value.trim();
  var timer = null;

  function channel() {
    var checked = document.querySelector('input[name=channel]:checked');
    return checked ? checked.value : 'sms';
  }

  function render(message) {
    var item = document.createElement('li');
    item.className = message.direction === 'IN' ? 'in' : 'out';
    var who = document.createElement('span');
    who.className = 'who';
    var when = new Date(message.at).toLocaleTimeString();
    who.textContent = (message.direction === 'IN' ? 'You' : 'FrontDoor') + ' · ' +
      (message.channel === 'WHATSAPP' ? 'WhatsApp' : 'SMS') + ' · ' + when +
      (message.direction === 'OUT' ? ' · ' + message.status : '');
    item.appendChild(who);
    var body = document.createElement('span');
    body.textContent = message.body || '';
    item.appendChild(body);
    if (message.mediaId) {
      var img = document.createElement('img');
      img.src = '/simulator/api/media/' + encodeURIComponent(message.mediaId);
      img.alt = 'Photo you sent';
      item.appendChild(img);
    }
    thread.appendChild(item);
    thread.scrollTop = thread.scrollHeight;
    empty.hidden = true;
  }

  function poll() {
    var number = phone.value.trim();
    if (number !== currentPhone) {
      currentPhone = number;
      lastId = 0;
      thread.textContent = '';
      empty.hidden = false;
    }
    if (!number) { return; }
    fetch('/simulator/api/messages?phone=' + encodeURIComponent(number) + '&after=' + lastId)
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (messages) {
        messages.forEach(function (message) {
          if (message.id > lastId) { lastId = message.id; render(message); }
        });
      })
      .catch(function () { /* the next poll tries again */ });
  }

  document.getElementById('example-pin').addEventListener('click', function () {
    document.getElementById('latitude').value = '42.3655';
    document.getElementById('longitude').value = '-71.1040';
    document.querySelector('input[name=channel][value=whatsapp]').checked = true;
  });

  compose.addEventListener('submit', function (event) {
    event.preventDefault();
    var data = new FormData(compose);
    data.append('phone', phone.value.trim());
    data.append('channel', channel());
    if (!data.get('latitude')) { data.delete('latitude'); data.delete('longitude'); }
    var photo = document.getElementById('photo');
    if (!photo.files.length) { data.delete('photo'); }
    send.disabled = true;
    statusLine.textContent = 'Sending…';
    fetch('/simulator/api/messages', { method: 'POST', body: data })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (result.ok) {
          statusLine.textContent = 'Sent (webhook answered HTTP ' + result.body.webhookStatus + ').';
          document.getElementById('text').value = '';
          photo.value = '';
          document.getElementById('latitude').value = '';
          document.getElementById('longitude').value = '';
        } else {
          statusLine.textContent = 'Not sent: ' + (result.body.detail || 'error');
        }
        poll();
      })
      .catch(function () { statusLine.textContent = 'Not sent: the gateway did not answer.'; })
      .then(function () { send.disabled = false; });
  });

  poll();
  timer = setInterval(poll, 1000);
  window.addEventListener('pagehide', function () { clearInterval(timer); });
}());
