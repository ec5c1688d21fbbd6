import Hummingbird

/// The scripts and the style of the pages, built into the binary (no CDN, no network, no file read):
/// a name not in ``files`` is 404, so no request path reaches the file system.
enum WebAssets {
    static let files: [String: (type: String, text: String)] = [
        "web.css": ("text/css; charset=utf-8", css),
        "editor.js": ("text/javascript; charset=utf-8", editor),
        "payout.js": ("text/javascript; charset=utf-8", payout),
    ]

    static func response(named name: String) -> Response {
        guard let file = files[name] else {
            return WebHeaders.response(.notFound, contentType: "text/plain; charset=utf-8", body: "not found\n")
        }
        return WebHeaders.response(.ok, contentType: file.type, body: file.text)
    }

    static let css = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC",sans-serif;margin:24px;color:#1d2430;background:#fff}
    nav.top{display:flex;gap:16px;align-items:center;margin:-8px 0 18px;padding:8px 12px;background:#f4f6f9;border-radius:8px;font-size:14px}
    nav.top a{color:#1d4f91;text-decoration:none} nav.top a:first-child{font-weight:700} nav.top .lang{margin-left:auto}
    h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 10px} .sub{color:#5b6577;margin-bottom:16px} .muted{color:#5b6577}
    table{border-collapse:collapse;font-size:13px} th,td{border:1px solid #e3e7ee;padding:4px 8px;text-align:left;vertical-align:top}
    th{background:#f4f6f9} td.num{text-align:right} .bad{color:#c62828} .ok{color:#1a7f37}
    button{font:inherit;padding:4px 10px;border:1px solid #9aa3b2;border-radius:6px;background:#fff;cursor:pointer} button:disabled{opacity:.5;cursor:default}
    .actions{margin:10px 0 16px;display:flex;gap:10px;align-items:center} .status{font-size:13px}
    .editor{position:sticky;bottom:0;z-index:10;background:#fff;border:1px solid #d9dee7;border-radius:8px;padding:10px 14px;margin-top:20px;box-shadow:0 -2px 8px rgba(0,0,0,.06);max-height:45vh;overflow:auto}
    .editor h2{margin:0 0 4px} .ed-row{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:6px 0;font-size:13px}
    .editor select,.editor input{font:inherit;padding:2px 4px;max-width:260px} .chosen{font-weight:600;margin:6px 0}
    .violations{margin:6px 0;padding-left:18px;font-size:13px;color:#c62828} .terms td{font-size:12px}
    .tl-shift{cursor:grab} .tl-shift.picked{outline:2px solid #c62828;outline-offset:1px;z-index:3} .tl-shift.edited{background:#2e9e6a}
    details summary{cursor:pointer} #lines td:last-child{white-space:nowrap} pre{font-size:12px;background:#f7f9fc;padding:8px;overflow:auto;max-height:60vh}
    """

    /// The roster editor: keeps the run's rows, applies a move, extension, swap, deletion or addition,
    /// redraws the timeline, and asks the server to check the whole roster after every change.
    static let editor = #"""
    (function(){
    'use strict';
    const cfg=JSON.parse(document.getElementById('edit-config').textContent), W=cfg.words;
    const token=document.querySelector('meta[name="csrf-token"]').content, $=id=>document.getElementById(id);
    const fill=(s,...a)=>s.replace(/\{(\d)\}/g,(m,i)=>a[Number(i)]);
    const num=v=>Number(v).toLocaleString(document.documentElement.lang,{minimumFractionDigits:2,maximumFractionDigits:2});
    const COLS=['agent_id','name','date','start','end','paid_hours','breaks'];
    const pad=n=>String(n).padStart(2,'0');
    const index={},names={};DATA.agents.forEach((a,i)=>{index[a[0]]=i;names[a[0]]=a[1];});
    const ws=cfg.weekStart.split('-').map(Number),base=Date.UTC(ws[0],ws[1]-1,ws[2]);
    const dayOf=s=>Math.round((Date.UTC(+s.slice(0,4),+s.slice(5,7)-1,+s.slice(8,10))-base)/86400000);
    const dateOf=d=>{const t=new Date(base+d*86400000);return t.getUTCFullYear()+'-'+pad(t.getUTCMonth()+1)+'-'+pad(t.getUTCDate());};
    const mins=t=>{const p=t.split(':').map(Number);return p[0]*60+p[1];};
    const hm=m=>{m=((m%1440)+1440)%1440;return pad(Math.floor(m/60))+':'+pad(m%60);};
    const stamp=m=>dateOf(Math.floor(m/1440))+'T'+hm(m);
    const span=r=>[dayOf(r.start)*1440+mins(r.start.slice(11,16)),dayOf(r.end)*1440+mins(r.end.slice(11,16))];
    function breaksOf(r){if(!r.breaks)return[];const s=span(r)[0]%1440;
      return r.breaks.split(';').filter(Boolean).map(b=>{const p=b.split('-');return[(mins(p[0])-s+1440)%1440,(mins(p[1])-mins(p[0])+1440)%1440];});}
    const breaksText=(start,brs)=>brs.map(b=>hm(start+b[0])+'-'+hm(start+b[0]+b[1])).join(';');
    const key=r=>r.agent_id+'|'+r.date;
    let original=[],rows=[],late={},picked=-1,origin=new Set(),seq=0;
    // A shift is edited when the run's roster holds no shift just like it; the count is of agent-days changed (a row edited, or one of
    // the run's shifts gone), so a shift moved back is no edit and a move to another day changes two days.
    const sig=r=>[r.agent_id,r.date,r.start,r.end,r.breaks,r.paid_hours].join('|'),isEdited=r=>!origin.has(sig(r));
    function editCount(){const now=new Set(rows.map(sig));return new Set(rows.filter(isEdited).concat(original.filter(r=>!now.has(sig(r)))).map(key)).size;}
    function toShift(r){const s=span(r),d=Math.floor(s[0]/1440),a=index[r.agent_id];return[a===undefined?-1:a,d,s[0]-d*1440,s[1]-s[0],isEdited(r)?0:(late[key(r)]||0),breaksOf(r)];}
    function redraw(){DATA.shifts=rows.map(toShift);window.rosterDraw();mark();}
    function mark(){for(const b of document.querySelectorAll('.tl-shift')){const k=Number(b.dataset.s);b.classList.toggle('picked',k===picked);b.classList.toggle('edited',rows[k]&&isEdited(rows[k]));}}
    function pick(k){picked=k;const r=rows[k];if(!r){$('ed-chosen').textContent=W.none;mark();return;}
      $('ed-chosen').textContent=r.agent_id+' '+r.name+' · '+r.date+' '+r.start.slice(11,16)+'–'+r.end.slice(11,16);
      $('ed-start').value=r.start.slice(11,16);$('ed-end').value=r.end.slice(11,16);$('ed-breaks').value=r.breaks;$('ed-paid').value=r.paid_hours;
      $('ed-swap-agent').value=r.agent_id;mark();}
    function changed(){redraw();check();}
    function csv(pins){const q=v=>/[",\r\n]/.test(v)?'"'+v.replace(/"/g,'""')+'"':v;
      return COLS.concat(pins?['pinned']:[]).join(',')+'\n'+rows.map(r=>COLS.map(c=>q(String(r[c]===undefined?'':r[c]))).concat(pins?[isEdited(r)?'yes':'']:[]).join(',')).join('\n')+'\n';}
    function post(action){return fetch('/api/runs/'+cfg.run+'/'+action,{method:'POST',headers:{'Content-Type':'text/csv; charset=utf-8','X-CSRF-Token':token},body:csv(action==='resolve')})
      .then(r=>r.json().then(j=>({ok:r.ok,status:r.status,j})));}
    function show(list){const ul=$('ed-violations');ul.textContent='';for(const v of list||[]){const li=document.createElement('li');li.className='violation';
      li.dataset.agent=v.agent_id;li.dataset.rule=v.rule;li.textContent=(v.agent_id?v.agent_id+' · ':'')+(cfg.rules[v.rule]||v.rule)+cfg.colon+v.message;ul.appendChild(li);}}
    function check(){const mine=++seq;$('ed-status').textContent=W.checking;$('ed-save').disabled=true;$('ed-saved').textContent='';
      post('check').then(({ok,j})=>{if(mine!==seq)return;
        if(!ok){$('ed-status').textContent=j.error||'';return;}
        const n=j.violations.length;$('ed-status').textContent=(n?fill(W.violations,n):W.holds)+' · '+fill(W.edited,editCount());
        $('ed-status').className='status '+(n?'bad':'ok');show(j.violations);
        const t=$('ed-terms');t.textContent='';
        if(j.objective_terms){for(const name of Object.keys(j.objective_terms)){const tr=t.insertRow();tr.dataset.term=name;tr.insertCell().textContent=cfg.terms[name]||name;const c=tr.insertCell();c.className='num';c.textContent=num(j.objective_terms[name]);}
          const tr=t.insertRow();tr.id='ed-objective';tr.insertCell().textContent=W.objective;const c=tr.insertCell();c.className='num';c.textContent=num(j.objective);}
        if(j.measures){const m=j.measures,rows=[[W.sl,m.service_level_week===null?'–':(m.service_level_week*100).toFixed(1)+' %'],[W.under,num(m.understaffed_agent_hours)],[W.over,num(m.overstaffed_agent_hours)],[W.paid,num(m.paid_hours)]];
          for(const [name,value] of rows){const tr=t.insertRow();tr.className='measure';tr.insertCell().textContent=name;const c=tr.insertCell();c.className='num';c.textContent=value;}}
        $('ed-save').disabled=n>0||editCount()===0;$('ed-resolve').disabled=editCount()===0;
        // The coverage charts beneath follow the edit (drawn by the server, as the page's own).
        if(j.objective_terms)post('coverage').then(({ok,j})=>{if(ok&&mine===seq){const days=document.querySelector('.days');if(days){days.innerHTML=j.html;days.dataset.edit=String(mine);}}});});}
    $('timeline').addEventListener('click',e=>{const b=e.target.closest('.tl-shift');if(b)pick(Number(b.dataset.s));});
    // Dragging a shift moves it (by quarter hours, to another day in the week view); its breaks move with it.
    function moveBy(k,delta){const r=rows[k],s=span(r),brs=breaksOf(r);
      r.start=stamp(s[0]+delta);r.end=stamp(s[1]+delta);r.date=dateOf(Math.floor((s[0]+delta)/1440));r.breaks=breaksText(s[0]+delta,brs);changed(r);pick(k);}
    let drag=null;
    $('timeline').addEventListener('mousedown',e=>{const b=e.target.closest('.tl-shift');if(!b||e.button!==0)return;e.preventDefault();
      drag={b,k:Number(b.dataset.s),x:e.clientX,w:b.parentElement.getBoundingClientRect().width,left:parseFloat(b.style.left),moved:false};});
    document.addEventListener('mousemove',e=>{if(!drag)return;const dx=e.clientX-drag.x;if(Math.abs(dx)>3)drag.moved=true;
      if(drag.moved)drag.b.style.left=(drag.left+dx/drag.w*100)+'%';});
    document.addEventListener('mouseup',e=>{if(!drag)return;const d=drag;drag=null;if(!d.moved)return;
      const week=document.getElementById('view').value==='week',minutes=week?7*1440:(DATA.to-DATA.from);
      const delta=Math.round((e.clientX-d.x)/d.w*minutes/15)*15;if(delta)moveBy(d.k,delta);else redraw();});
    $('ed-apply').addEventListener('click',()=>{const r=rows[picked];if(!r)return;const s=span(r),d=Math.floor(s[0]/1440);
      const ns=d*1440+mins($('ed-start').value);let ne=d*1440+mins($('ed-end').value);if(ne<=ns)ne+=1440;
      // Breaks and paid hours as typed when the user changed them, else moved and recounted with the shift.
      const typedBreaks=$('ed-breaks').value.trim()!==r.breaks,typedPaid=$('ed-paid').value.trim()!==r.paid_hours;
      const brs=breaksOf(r),paid=Number(r.paid_hours)+((ne-ns)-(s[1]-s[0]))/60;
      r.start=stamp(ns);r.end=stamp(ne);r.breaks=typedBreaks?$('ed-breaks').value.trim():breaksText(ns,brs);
      r.paid_hours=typedPaid?$('ed-paid').value.trim():paid.toFixed(2);changed(r);pick(picked);});
    $('ed-delete').addEventListener('click',()=>{const r=rows[picked];if(!r)return;rows.splice(picked,1);pick(-1);redraw();check();});
    $('ed-swap').addEventListener('click',()=>{const r=rows[picked];if(!r)return;const other=$('ed-swap-agent').value;if(other===r.agent_id)return;
      const j=rows.findIndex(x=>x.agent_id===other&&x.date===r.date);const mine=r.agent_id;
      r.agent_id=other;r.name=names[other];const touched=[r];if(j>=0){rows[j].agent_id=mine;rows[j].name=names[mine];touched.push(rows[j]);}
      changed(...touched);pick(picked);});
    $('ed-add').addEventListener('click',()=>{const a=$('ed-add-agent').value,d=Number($('ed-add-day').value);
      const ns=d*1440+mins($('ed-start').value||'09:00');let ne=d*1440+mins($('ed-end').value||'17:00');if(ne<=ns)ne+=1440;
      const r={agent_id:a,name:names[a],date:dateOf(d),start:stamp(ns),end:stamp(ne),paid_hours:((ne-ns)/60).toFixed(2),breaks:''};
      rows.push(r);changed(r);pick(rows.length-1);});
    $('ed-undo').addEventListener('click',()=>{rows=original.map(r=>Object.assign({},r));pick(-1);redraw();show([]);
      $('ed-status').textContent='';$('ed-status').className='status';$('ed-terms').textContent='';$('ed-save').disabled=true;$('ed-resolve').disabled=true;check();});
    $('ed-save').addEventListener('click',()=>{$('ed-save').disabled=true;post('save').then(({ok,j})=>{const out=$('ed-saved');out.textContent='';
      if(ok){const a=document.createElement('a');a.href=j.url;a.id='ed-saved-link';a.textContent=fill(W.saved,j.run);out.appendChild(a);}
      else{out.textContent=W.refused;out.className='bad';show(j.violations);}});});
    $('ed-resolve').addEventListener('click',()=>{$('ed-resolve').disabled=true;$('ed-save').disabled=true;const out=$('ed-saved');out.className='';out.textContent=W.resolving;
      post('resolve').then(({ok,j})=>{out.textContent='';
      if(ok){const a=document.createElement('a');a.href=j.url;a.id='ed-resolved-link';a.textContent=fill(W.resolved,j.run);out.appendChild(a);}
      else{out.textContent=j.error||'';out.className='bad';$('ed-resolve').disabled=false;}});});
    fetch('/api/runs/'+cfg.run+'/roster').then(r=>r.json()).then(j=>{
      for(const s of DATA.shifts){const a=DATA.agents[s[0]];late[a[0]+'|'+dateOf(s[1])]=s[4];}
      original=j.shifts.map(r=>Object.assign({},r));origin=new Set(original.map(sig));rows=j.shifts;redraw();document.body.dataset.editorReady='1';});
    })();
    """#

    /// Approve (with a confirmation), void (with a reason) and export on a payout run's page.
    static let payout = #"""
    (function(){
    'use strict';
    const cfg=JSON.parse(document.getElementById('payout-config').textContent);
    const token=document.querySelector('meta[name="csrf-token"]').content, out=document.getElementById('action-result');
    function post(action,body){return fetch('/api/runs/'+cfg.run+'/'+action,{method:'POST',headers:{'Content-Type':'application/json','X-CSRF-Token':token},
      body:JSON.stringify(body||{})}).then(r=>r.json().then(j=>({ok:r.ok,j})));}
    function done({ok,j}){out.textContent=ok?(j.message||(j.files||[]).join(', ')):j.error;out.className='status '+(ok?'ok':'bad');if(ok&&j.message)setTimeout(()=>location.reload(),600);
      // Each exported file as a download from the browser (the server's folder may be on another machine).
      for(const f of (ok&&j.downloads)||[]){const a=document.createElement('a');a.className='download';a.download=f.name;a.textContent=f.name;
        a.href=URL.createObjectURL(new Blob([f.content],{type:'text/csv'}));out.appendChild(document.createTextNode(' '));out.appendChild(a);}}
    const a=document.getElementById('approve');if(a)a.addEventListener('click',()=>{if(confirm(a.dataset.confirm))post('approve').then(done);});
    const v=document.getElementById('void');if(v)v.addEventListener('click',()=>{const reason=prompt(v.dataset.prompt);if(reason&&reason.trim())post('void',{reason}).then(done);});
    const e=document.getElementById('export');if(e)e.addEventListener('click',()=>post('export',{format:document.getElementById('format').value}).then(done));
    })();
    """#
}
