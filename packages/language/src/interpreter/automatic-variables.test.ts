import { describe, expect, it } from 'vitest';
import { runScript } from './test-support/run-script.js';

describe('errors a function body writes', () => {
  it('are reported as the function\'s, go to its 2>&1 and obey its -ErrorAction', async () => {
    const r = await runScript('function f { Write-Error x }; f; $e = f 2>&1; "$e"; function g { [CmdletBinding()] param() Write-Error y; "after" }; g -ErrorAction SilentlyContinue');
    expect(r.output).toBe('x\nafter');
    expect(r.errors).toEqual(['x']);
  });
});

describe('$PSCmdlet', () => {
  it('answers ShouldProcess under -WhatIf and gives the parameter set and invocation', async () => {
    const r = await runScript(
      'function Remove-Thing { [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = "ByName")] param([Parameter(ParameterSetName = "ByName")] $Name)\n' +
        'if ($PSCmdlet.ShouldProcess($Name, "Delete")) { "deleting $Name" }; if ($PSCmdlet.ShouldProcess($Name)) { "again" }; $PSCmdlet.ParameterSetName; $PSCmdlet.MyInvocation.MyCommand.Name }\n' +
        'Remove-Thing -Name a -WhatIf; Remove-Thing -Name b',
    );
    // The What if lines go to the host (see automatic-variables.cases); ShouldProcess answers no.
    expect(r.output).toBe('ByName\nRemove-Thing\ndeleting b\nagain\nByName\nRemove-Thing');
  });

  it('ThrowTerminatingError ends the function and the caller can catch it; WriteError goes on', async () => {
    const r = await runScript(
      'function t { [CmdletBinding()] param() try { throw "boom" } catch { $PSCmdlet.ThrowTerminatingError($_) }; "not here" }\n' +
        'try { t } catch { "caught $_" }; t; "next"\n' +
        'function w { [CmdletBinding()] param() try { throw "soft" } catch { $PSCmdlet.WriteError($_) }; "went on" }; w',
    );
    expect(r.output).toBe('caught boom\nnext\nwent on');
    expect(r.errors).toEqual(['boom', 'soft']);
  });

  it('writes verbose and warning records through the function', async () => {
    const r = await runScript('function v { [CmdletBinding()] param() $PSCmdlet.WriteVerbose("vv"); $PSCmdlet.WriteWarning("ww"); $PSCmdlet.WriteObject(@(1, 2), $true) }; (v -Verbose 3>&1 4>&1 | ForEach-Object { "$_" }) -join ","');
    expect(r.output).toBe('vv,ww,1,2');
  });
});

describe('$MyInvocation and $PSBoundParameters', () => {
  it('describe the call', async () => {
    const r = await runScript('function Get-It($A, $B) { $MyInvocation.MyCommand.Name; $MyInvocation.InvocationName; $MyInvocation.Line; $PSBoundParameters.Keys -join "," }; Get-It -B 1 -A 2');
    expect(r.output).toBe('Get-It\nGet-It\nfunction Get-It($A, $B) { $MyInvocation.MyCommand.Name; $MyInvocation.InvocationName; $MyInvocation.Line; $PSBoundParameters.Keys -join "," }; Get-It -B 1 -A 2\nB,A');
  });
});

describe('$PWD', () => {
  it('is the PathInfo Get-Location returns', async () => {
    const r = await runScript('$PWD.GetType().FullName; "$PWD" -eq (Get-Location).Path; $PWD.Path -eq (Get-Location).ToString()');
    expect(r.output).toBe('System.Management.Automation.PathInfo\nTrue\nTrue');
  });
});

describe('[ref], closures and loop enumerators', () => {
  it('[ref] reads and writes the variable, also through a [ref] parameter', async () => {
    const r = await runScript('function Add-One([ref]$p) { $p.Value++ }; $x = 1; Add-One ([ref]$x); $x; $r = [ref]10; $r.Value = 11; $r.Value; $r.GetType().Name');
    expect(r.output).toBe('2\n11\nPSReference');
  });

  it('GetNewClosure keeps the variables of the moment it was called', async () => {
    const r = await runScript('function New-Greeter($n) { { "hi $n" }.GetNewClosure() }; $g = New-Greeter 5; $n = 9; & $g; $g.Invoke()');
    expect(r.output).toBe('hi 5\nhi 5');
  });

  it('$foreach and $switch MoveNext skip items', async () => {
    const r = await runScript('foreach ($i in 1..4) { if ($i -eq 2) { [void]$foreach.MoveNext(); "skipped to $($foreach.Current)" } else { $i } }; switch (1, 2, 3) { 1 { [void]$switch.MoveNext(); "then $($switch.Current)" } default { "d$_" } }');
    expect(r.output).toBe('1\nskipped to 3\n4\nthen 2\nd3');
  });
});
