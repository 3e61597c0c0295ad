{* RVssl certificate: the client's product page (variables from rvssl_ClientArea). Every action is a POST
   form carrying WHMCS's CSRF token ($csrfToken); the module refuses anything else. Links only read. *}
<div class="rvssl-certificate">
  {if $error}<div class="alert alert-warning">{$error|escape}</div>{/if}

  <h3>SSL Certificate: <span class="label label-info">{$status|escape}</span></h3>
  {if $renewalAtRisk}
    <div class="alert alert-danger">{$detail|escape}</div>
  {else}
    <p>{$detail|escape}</p>
  {/if}
  {if $domains}<p>Domains: {', '|implode:$domains|escape}</p>{/if}
  {* a plan: the platform reissues the certificate by itself before it expires, until the plan's end *}
  {if $planEnd}<p>Your plan runs until <strong>{$planEnd|escape}</strong>.</p>{/if}
  {if $certificateExpiry}<p>Your current certificate expires on <strong>{$certificateExpiry|escape}</strong>.</p>{/if}
  {if $renewing && $validation.again}
    <div class="alert alert-warning">Your certificate is being renewed within your plan: nothing needs buying,
      but the certificate authority checks your domain again before it issues the new certificate (see below).
      The current certificate stays valid until then.</div>
  {elseif $renewing}
    <div class="alert alert-info">Your certificate is being renewed within your plan: nothing needs buying and
      nothing needs doing. The current certificate stays valid until the new one is issued; the downloads
      then give the new one.</div>
  {elseif $reissuing}
    <div class="alert alert-info">Your reissue is under way. The current certificate stays valid until the new one is issued.</div>
  {/if}

  {if $validation}
    {if $validation.again}
      <h4>Validation for the renewal: {$validation.stageText|escape}</h4>
      <p>The earlier check of your domain is too old to reuse. A DNS record or file still in place is found again
        by itself; an approval email must be approved again.</p>
    {else}
      <h4>Validation: {$validation.stageText|escape}</h4>
    {/if}
    {if $validation.detail}<p>{$validation.detail|escape}</p>{/if}
    {if $validation.dcv}
      <table class="table table-condensed">
        <tr><th>Domain</th><th>Method</th><th>Where</th><th>What</th></tr>
        {foreach $validation.dcv as $step}
          <tr><td>{$step.domain|escape}</td><td>{$step.method|escape}</td>
              <td><code>{$step.target|escape}</code></td><td><code>{$step.value|escape}</code></td></tr>
        {/foreach}
      </table>
    {/if}
  {/if}

  {if $needsConfiguration || $decodedCsr}
    <h4>Configure your certificate</h4>
    {if $decodedCsr}
      <div class="alert alert-info">CSR for <strong>{$decodedCsr.commonName|escape}</strong>
        ({$decodedCsr.keyAlgorithm|escape} {$decodedCsr.keySize|escape} bit; names: {', '|implode:$decodedCsr.subjectAltNames|escape})</div>
    {/if}
    <form method="post" action="clientarea.php?action=productdetails&amp;id={$serviceId}&amp;modop=custom&amp;a=configure">
      <input type="hidden" name="token" value="{$csrfToken|escape}">
      <div class="form-group"><label>CSR</label>
        <textarea name="csr" rows="8" class="form-control">{$csr|escape}</textarea></div>
      <div class="form-group"><label>Domain control validation</label>
        <select name="dcv_method" class="form-control">
          <option value="EMAIL">Approval email</option><option value="HTTP">HTTP file</option><option value="DNS">DNS record</option>
        </select></div>
      <div class="form-group"><label>Approver email</label>
        <select name="approver_email" class="form-control">
          {foreach $approverEmails as $email}<option>{$email|escape}</option>{/foreach}
        </select></div>
      <button type="submit" class="btn btn-primary">Submit</button>
      <button type="submit" class="btn btn-default"
        formaction="clientarea.php?action=productdetails&amp;id={$serviceId}&amp;modop=custom&amp;a=decodeCsr">Check CSR</button>
    </form>
  {/if}

  {if $certificate}
    <p>Serial {$certificate.serialNumber|escape}, valid until {$certificate.notAfter|escape}, issued by {$certificate.issuer|escape}</p>
  {/if}
  {if $certificates}
    <h4>Certificates issued in your plan</h4>
    <table class="table table-condensed">
      <tr><th>Serial</th><th>Valid from</th><th>Valid until</th><th></th></tr>
      {foreach $certificates as $issued}
        <tr><td><code>{$issued.serialNumber|escape}</code></td><td>{$issued.notBefore|escape}</td>
            <td>{$issued.notAfter|escape}</td><td>{if $issued.current}current{/if}</td></tr>
      {/foreach}
    </table>
  {/if}
  {if $downloads}
    <h4>Download</h4>
    <ul>{foreach $downloads as $download}<li><a href="{$download.url}">{$download.label|escape}</a></li>{/foreach}</ul>
  {/if}

  {if $canReissue}
    <h4>Reissue with a new CSR</h4>
    <form method="post" action="clientarea.php?action=productdetails&amp;id={$serviceId}&amp;modop=custom&amp;a=reissue">
      <input type="hidden" name="token" value="{$csrfToken|escape}">
      <textarea name="csr" rows="6" class="form-control"></textarea>
      <button type="submit" class="btn btn-default">Reissue</button>
    </form>
  {/if}
  {if $canChangeDcv}
    <h4>Change validation method</h4>
    <form method="post" action="clientarea.php?action=productdetails&amp;id={$serviceId}&amp;modop=custom&amp;a=changeDcv">
      <input type="hidden" name="token" value="{$csrfToken|escape}">
      <div class="form-group"><label>Domain control validation</label>
        <select name="dcv_method" class="form-control">
          <option value="EMAIL">Approval email</option><option value="HTTP">HTTP file</option><option value="DNS">DNS record</option>
        </select></div>
      <div class="form-group"><label>Approver email (for approval by email)</label>
        <select name="approver_email" class="form-control">
          {foreach $approverEmails as $email}<option>{$email|escape}</option>{/foreach}
        </select></div>
      <button type="submit" class="btn btn-default">Change validation method</button>
    </form>
  {/if}
  {if $canResendDcv}
    <form method="post" action="clientarea.php?action=productdetails&amp;id={$serviceId}&amp;modop=custom&amp;a=resendDcv">
      <input type="hidden" name="token" value="{$csrfToken|escape}">
      <button type="submit" class="btn btn-default">Resend approval email</button>
    </form>
  {/if}
</div>
