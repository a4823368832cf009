; Inno Setup 6 script for Counselor Desk on Windows.
;
; Build the one-folder app first (python installer\build.py), then either
;   python installer\build.py --no-build --inno
; or
;   ISCC.exe /DAppVersion=0.1.0 /DSourceDir=C:\path\to\dist\counselor-desk installer\windows\counselor_desk.iss
;
; Per-user install (no administrator rights): agency IT can push it with any software-distribution tool that
; runs in the user's session, and a counselor can install it themselves. IT may instead install for all users
; with /ALLUSERS (an administrator prompt), see docs/DEPLOYMENT.md.
;
; Silent install for IT:      CounselorDesk-Setup-0.1.0.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Silent uninstall:           unins000.exe /VERYSILENT /SUPPRESSMSGBOXES            (keeps the data folder)
; ... and delete the data:    unins000.exe /VERYSILENT /SUPPRESSMSGBOXES /DELETEDATA=1
;
; The data folder (the encrypted database, settings, logs, crash reports, backups) is NOT in the install
; folder: it is %APPDATA%\CounselorDesk\CounselorDesk (platformdirs' roaming app-data folder, see
; counselor_app/core/paths.py). Uninstalling keeps it unless the counselor says otherwise, because it may
; hold licenses that have not reached the agency's server yet.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\counselor-desk"
#endif
#define AppName "Counselor Desk"
#define AppExe "counselor-desk.exe"
#define AppPublisher "Counselor Desk project"
#define DataFolder "{userappdata}\CounselorDesk\CounselorDesk"

[Setup]
; Keep this AppId for every release: it is how upgrades find the installed copy.
AppId={{6F0B6C1E-3D0A-4C55-9E0B-6A3C2A9F4D21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
; Per user by default; /ALLUSERS or the dialog lets an administrator install for everyone.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
OutputBaseFilename=CounselorDesk-Setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; A running copy holds its files open; ask to close it rather than fail half-way.
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the whole program folder, so files dropped from a newer build do not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Appointments, eligibility and learning licenses"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program folder may gain at run time; the data folder is handled in [Code] below.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[CustomMessages]
english.DeleteDataQuestion=Also delete Counselor Desk's data on this computer?%n%nThe data folder holds the encrypted job-seeker records, settings, logs and backups:%n%1%n%nChoose No (recommended) if the app will be installed again, or if some records may not have reached the agency's server yet.
spanish.DeleteDataQuestion=¿Borrar también los datos de Counselor Desk en esta computadora?%n%nLa carpeta de datos contiene los registros cifrados, la configuración, los registros de actividad y las copias de seguridad:%n%1%n%nElija No (recomendado) si la aplicación se volverá a instalar o si algunos registros aún no llegaron al servidor de la agencia.
english.DeleteDataFailed=Some files in %1 could not be deleted. Close Counselor Desk and delete the folder by hand.
spanish.DeleteDataFailed=No se pudieron borrar algunos archivos de %1. Cierre Counselor Desk y borre la carpeta a mano.

[Code]
function DataFolderPath(): String;
begin
  Result := ExpandConstant('{#DataFolder}');
end;

{ Silent uninstalls (IT's tools) keep the data unless /DELETEDATA=1 is given; interactive ones ask, with No as
  the default answer, since the folder may hold licenses not yet sent to the server. }
function ShouldDeleteData(): Boolean;
var
  Folder: String;
begin
  Result := False;
  Folder := DataFolderPath();
  if not DirExists(Folder) then
    Exit;
  if UninstallSilent() then
    Result := ExpandConstant('{param:DELETEDATA|0}') = '1'
  else
    Result := MsgBox(FmtMessage(CustomMessage('DeleteDataQuestion'), [Folder]),
                     mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    Folder := DataFolderPath();
    if ShouldDeleteData() then
    begin
      if not DelTree(Folder, True, True, True) then
      begin
        if not UninstallSilent() then
          MsgBox(FmtMessage(CustomMessage('DeleteDataFailed'), [Folder]), mbError, MB_OK);
      end
      else
        { The parent folder is only ours if nothing else is in it. }
        RemoveDir(ExtractFileDir(Folder));
    end;
  end;
end;
