"""Locale names a person may choose, as Python Babel 2.18 (CLDR 47) knows them: the reference
refuses any other with "Invalid locale, expected a name available in Python Babel (e.g. en_US,
fr_FR)." and stores the canonical name (`en_us` -> `en_US`, `iw_IL` -> `he_IL`, '' -> null).

Data only (written once from CLDR's locale list and aliases, so that Babel is no dependency):
`IDS` are the locales with data; `ALIASES` maps the other accepted names without a script
(old or 3-letter language codes, a territory that implies a script) to their canonical name.
"""

IDS = frozenset((
    'aa aa_DJ aa_ER aa_ET ab ab_GE af af_NA af_ZA agq agq_CM ak ak_GH am am_ET an an_ES ann '
    'ann_NG apc apc_SY ar ar_001 ar_AE ar_BH ar_DJ ar_DZ ar_EG ar_EH ar_ER ar_IL ar_IQ ar_JO '
    'ar_KM ar_KW ar_LB ar_LY ar_MA ar_MR ar_OM ar_PS ar_QA ar_SA ar_SD ar_SO ar_SS ar_SY ar_TD '
    'ar_TN ar_YE arn arn_CL as as_IN asa asa_TZ ast ast_ES az az_Arab az_Arab_IQ az_Arab_IR '
    'az_Arab_TR az_Cyrl az_Cyrl_AZ az_Latn az_Latn_AZ ba ba_RU bal bal_Arab bal_Arab_PK bal_Latn '
    'bal_Latn_PK bas bas_CM be be_BY be_TARASK bem bem_ZM bew bew_ID bez bez_TZ bg bg_BG bgc '
    'bgc_IN bgn bgn_AE bgn_AF bgn_IR bgn_OM bgn_PK bho bho_IN blo blo_BJ blt blt_VN bm bm_ML '
    'bm_Nkoo bm_Nkoo_ML bn bn_BD bn_IN bo bo_CN bo_IN br br_FR brx brx_IN bs bs_Cyrl bs_Cyrl_BA '
    'bs_Latn bs_Latn_BA bss bss_CM byn byn_ER ca ca_AD ca_ES ca_ES_VALENCIA ca_FR ca_IT cad '
    'cad_US cch cch_NG ccp ccp_BD ccp_IN ce ce_RU ceb ceb_PH cgg cgg_UG cho cho_US chr chr_US cic '
    'cic_US ckb ckb_IQ ckb_IR co co_FR cop cop_EG cs cs_CZ csw csw_CA cu cu_RU cv cv_RU cy cy_GB '
    'da da_DK da_GL dav dav_KE de de_AT de_BE de_CH de_DE de_IT de_LI de_LU dje dje_NE doi doi_IN '
    'dsb dsb_DE dua dua_CM dv dv_MV dyo dyo_SN dz dz_BT ebu ebu_KE ee ee_GH ee_TG el el_CY el_GR '
    'el_POLYTON en en_001 en_150 en_AE en_AG en_AI en_AS en_AT en_AU en_BB en_BE en_BI en_BM '
    'en_BS en_BW en_BZ en_CA en_CC en_CH en_CK en_CM en_CX en_CY en_CZ en_DE en_DG en_DK en_DM '
    'en_Dsrt en_Dsrt_US en_ER en_ES en_FI en_FJ en_FK en_FM en_FR en_GB en_GD en_GG en_GH en_GI '
    'en_GM en_GS en_GU en_GY en_HK en_HU en_ID en_IE en_IL en_IM en_IN en_IO en_IT en_JE en_JM '
    'en_KE en_KI en_KN en_KY en_LC en_LR en_LS en_MG en_MH en_MO en_MP en_MS en_MT en_MU en_MV '
    'en_MW en_MY en_NA en_NF en_NG en_NL en_NO en_NR en_NU en_NZ en_PG en_PH en_PK en_PL en_PN '
    'en_PR en_PT en_PW en_RO en_RW en_SB en_SC en_SD en_SE en_SG en_SH en_SI en_SK en_SL en_SS '
    'en_SX en_SZ en_Shaw en_Shaw_GB en_TC en_TK en_TO en_TT en_TV en_TZ en_UG en_UM en_US '
    'en_US_POSIX en_VC en_VG en_VI en_VU en_WS en_ZA en_ZM en_ZW eo eo_001 es es_419 es_AR es_BO '
    'es_BR es_BZ es_CL es_CO es_CR es_CU es_DO es_EA es_EC es_ES es_GQ es_GT es_HN es_IC es_MX '
    'es_NI es_PA es_PE es_PH es_PR es_PY es_SV es_US es_UY es_VE et et_EE eu eu_ES ewo ewo_CM fa '
    'fa_AF fa_IR ff ff_Adlm ff_Adlm_BF ff_Adlm_CM ff_Adlm_GH ff_Adlm_GM ff_Adlm_GN ff_Adlm_GW '
    'ff_Adlm_LR ff_Adlm_MR ff_Adlm_NE ff_Adlm_NG ff_Adlm_SL ff_Adlm_SN ff_Latn ff_Latn_BF '
    'ff_Latn_CM ff_Latn_GH ff_Latn_GM ff_Latn_GN ff_Latn_GW ff_Latn_LR ff_Latn_MR ff_Latn_NE '
    'ff_Latn_NG ff_Latn_SL ff_Latn_SN fi fi_FI fil fil_PH fo fo_DK fo_FO fr fr_BE fr_BF fr_BI '
    'fr_BJ fr_BL fr_CA fr_CD fr_CF fr_CG fr_CH fr_CI fr_CM fr_DJ fr_DZ fr_FR fr_GA fr_GF fr_GN '
    'fr_GP fr_GQ fr_HT fr_KM fr_LU fr_MA fr_MC fr_MF fr_MG fr_ML fr_MQ fr_MR fr_MU fr_NC fr_NE '
    'fr_PF fr_PM fr_RE fr_RW fr_SC fr_SN fr_SY fr_TD fr_TG fr_TN fr_VU fr_WF fr_YT frr frr_DE fur '
    'fur_IT fy fy_NL ga ga_GB ga_IE gaa gaa_GH gd gd_GB gez gez_ER gez_ET gl gl_ES gn gn_PY gsw '
    'gsw_CH gsw_FR gsw_LI gu gu_IN guz guz_KE gv gv_IM ha ha_Arab ha_Arab_NG ha_Arab_SD ha_GH '
    'ha_NE ha_NG haw haw_US he he_IL hi hi_IN hi_Latn hi_Latn_IN hnj hnj_Hmnp hnj_Hmnp_US hr '
    'hr_BA hr_HR hsb hsb_DE ht ht_HT hu hu_HU hy hy_AM ia ia_001 id id_ID ie ie_EE ig ig_NG ii '
    'ii_CN io io_001 is is_IS it it_CH it_IT it_SM it_VA iu iu_CA iu_Latn iu_Latn_CA ja ja_JP jbo '
    'jbo_001 jgo jgo_CM jmc jmc_TZ jv jv_ID ka ka_GE kaa kaa_Cyrl kaa_Cyrl_UZ kaa_Latn '
    'kaa_Latn_UZ kab kab_DZ kaj kaj_NG kam kam_KE kcg kcg_NG kde kde_TZ kea kea_CV ken ken_CM kgp '
    'kgp_BR khq khq_ML ki ki_KE kk kk_Arab kk_Arab_CN kk_Cyrl kk_Cyrl_KZ kk_KZ kkj kkj_CM kl '
    'kl_GL kln kln_KE km km_KH kn kn_IN ko ko_CN ko_KP ko_KR kok kok_Deva kok_Deva_IN kok_Latn '
    'kok_Latn_IN kpe kpe_GN kpe_LR ks ks_Arab ks_Arab_IN ks_Deva ks_Deva_IN ksb ksb_TZ ksf ksf_CM '
    'ksh ksh_DE ku ku_TR kw kw_GB kxv kxv_Deva kxv_Deva_IN kxv_Latn kxv_Latn_IN kxv_Orya '
    'kxv_Orya_IN kxv_Telu kxv_Telu_IN ky ky_KG la la_VA lag lag_TZ lb lb_LU lg lg_UG lij lij_IT '
    'lkt lkt_US lld lld_IT lmo lmo_IT ln ln_AO ln_CD ln_CF ln_CG lo lo_LA lrc lrc_IQ lrc_IR lt '
    'lt_LT ltg ltg_LV lu lu_CD luo luo_KE luy luy_KE lv lv_LV mai mai_IN mas mas_KE mas_TZ mdf '
    'mdf_RU mer mer_KE mfe mfe_MU mg mg_MG mgh mgh_MZ mgo mgo_CM mhn mhn_IT mi mi_NZ mic mic_CA '
    'mk mk_MK ml ml_IN mn mn_MN mn_Mong mn_Mong_CN mn_Mong_MN mni mni_Beng mni_Beng_IN mni_Mtei '
    'mni_Mtei_IN moh moh_CA mr mr_IN ms ms_Arab ms_Arab_BN ms_Arab_MY ms_BN ms_ID ms_MY ms_SG mt '
    'mt_MT mua mua_CM mus mus_US my my_MM myv myv_RU mzn mzn_IR naq naq_NA nb nb_NO nb_SJ nd '
    'nd_ZW nds nds_DE nds_NL ne ne_IN ne_NP nl nl_AW nl_BE nl_BQ nl_CW nl_NL nl_SR nl_SX nmg '
    'nmg_CM nn nn_NO nnh nnh_CM no nqo nqo_GN nr nr_ZA nso nso_ZA nus nus_SS nv nv_US ny ny_MW '
    'nyn nyn_UG oc oc_ES oc_FR om om_ET om_KE or or_IN os os_GE os_RU osa osa_US pa pa_Arab '
    'pa_Arab_PK pa_Guru pa_Guru_IN pap pap_AW pap_CW pcm pcm_NG pis pis_SB pl pl_PL prg prg_PL ps '
    'ps_AF ps_PK pt pt_AO pt_BR pt_CH pt_CV pt_GQ pt_GW pt_LU pt_MO pt_MZ pt_PT pt_ST pt_TL qu '
    'qu_BO qu_EC qu_PE quc quc_GT raj raj_IN rhg rhg_Rohg rhg_Rohg_BD rhg_Rohg_MM rif rif_MA rm '
    'rm_CH rn rn_BI ro ro_MD ro_RO rof rof_TZ ru ru_BY ru_KG ru_KZ ru_MD ru_RU ru_UA rw rw_RW rwk '
    'rwk_TZ sa sa_IN sah sah_RU saq saq_KE sat sat_Deva sat_Deva_IN sat_Olck sat_Olck_IN sbp '
    'sbp_TZ sc sc_IT scn scn_IT sd sd_Arab sd_Arab_PK sd_Deva sd_Deva_IN sdh sdh_IQ sdh_IR se '
    'se_FI se_NO se_SE seh seh_MZ ses ses_ML sg sg_CF shi shi_Latn shi_Latn_MA shi_Tfng '
    'shi_Tfng_MA shn shn_MM shn_TH si si_LK sid sid_ET sk sk_SK skr skr_PK sl sl_SI sma sma_NO '
    'sma_SE smj smj_NO smj_SE smn smn_FI sms sms_FI sn sn_ZW so so_DJ so_ET so_KE so_SO sq sq_AL '
    'sq_MK sq_XK sr sr_Cyrl sr_Cyrl_BA sr_Cyrl_ME sr_Cyrl_RS sr_Cyrl_XK sr_Latn sr_Latn_BA '
    'sr_Latn_ME sr_Latn_RS sr_Latn_XK ss ss_SZ ss_ZA ssy ssy_ER st st_LS st_ZA su su_Latn '
    'su_Latn_ID sv sv_AX sv_FI sv_SE sw sw_CD sw_KE sw_TZ sw_UG syr syr_IQ syr_SY szl szl_PL ta '
    'ta_IN ta_LK ta_MY ta_SG te te_IN teo teo_KE teo_UG tg tg_TJ th th_TH ti ti_ER ti_ET tig '
    'tig_ER tk tk_TM tn tn_BW tn_ZA to to_TO tok tok_001 tpi tpi_PG tr tr_CY tr_TR trv trv_TW trw '
    'trw_PK ts ts_ZA tt tt_RU twq twq_NE tyv tyv_RU tzm tzm_MA ug ug_CN uk uk_UA ur ur_IN ur_PK '
    'uz uz_Arab uz_Arab_AF uz_Cyrl uz_Cyrl_UZ uz_Latn uz_Latn_UZ vai vai_Latn vai_Latn_LR '
    'vai_Vaii vai_Vaii_LR ve ve_ZA vec vec_IT vi vi_VN vmw vmw_MZ vo vo_001 vun vun_TZ wa wa_BE '
    'wae wae_CH wal wal_ET wbp wbp_AU wo wo_SN xh xh_ZA xnr xnr_IN xog xog_UG yav yav_CM yi yi_UA '
    'yo yo_BJ yo_NG yrl yrl_BR yrl_CO yrl_VE yue yue_Hans yue_Hans_CN yue_Hant yue_Hant_CN '
    'yue_Hant_HK yue_Hant_MO za za_CN zgh zgh_MA zh zh_Hans zh_Hans_CN zh_Hans_HK zh_Hans_MO '
    'zh_Hans_MY zh_Hans_SG zh_Hant zh_Hant_HK zh_Hant_MO zh_Hant_MY zh_Hant_TW zh_Latn zh_Latn_CN '
    'zu zu_ZA '
).split())

ALIASES = dict(pair.split("=") for pair in (
    'aar=aa_ET aar_DJ=aa_DJ aar_ER=aa_ER aar_ET=aa_ET abk=ab_GE abk_GE=ab_GE adp=dz_BT '
    'adp_BT=dz_BT afr=af_ZA afr_NA=af_NA afr_ZA=af_ZA ajp=apc_SY ajp_SY=apc_SY aka=ak_GH '
    'aka_GH=ak_GH alb=sq_AL alb_AL=sq_AL alb_MK=sq_MK alb_XK=sq_XK als=sq_AL als_AL=sq_AL '
    'als_MK=sq_MK als_XK=sq_XK amh=am_ET amh_ET=am_ET ar_NT=ar_SA ar_YD=ar_YE ara=ar_EG '
    'ara_AE=ar_AE ara_BH=ar_BH ara_DJ=ar_DJ ara_DZ=ar_DZ ara_EG=ar_EG ara_EH=ar_EH ara_ER=ar_ER '
    'ara_IL=ar_IL ara_IQ=ar_IQ ara_JO=ar_JO ara_KM=ar_KM ara_KW=ar_KW ara_LB=ar_LB ara_LY=ar_LY '
    'ara_MA=ar_MA ara_MR=ar_MR ara_NT=ar_SA ara_OM=ar_OM ara_PS=ar_PS ara_QA=ar_QA ara_SA=ar_SA '
    'ara_SD=ar_SD ara_SO=ar_SO ara_SS=ar_SS ara_SY=ar_SY ara_TD=ar_TD ara_TN=ar_TN ara_YD=ar_YE '
    'ara_YE=ar_YE arb=ar_EG arb_AE=ar_AE arb_BH=ar_BH arb_DJ=ar_DJ arb_DZ=ar_DZ arb_EG=ar_EG '
    'arb_EH=ar_EH arb_ER=ar_ER arb_IL=ar_IL arb_IQ=ar_IQ arb_JO=ar_JO arb_KM=ar_KM arb_KW=ar_KW '
    'arb_LB=ar_LB arb_LY=ar_LY arb_MA=ar_MA arb_MR=ar_MR arb_NT=ar_SA arb_OM=ar_OM arb_PS=ar_PS '
    'arb_QA=ar_QA arb_SA=ar_SA arb_SD=ar_SD arb_SO=ar_SO arb_SS=ar_SS arb_SY=ar_SY arb_TD=ar_TD '
    'arb_TN=ar_TN arb_YD=ar_YE arb_YE=ar_YE arg=an_ES arg_ES=an_ES arm=hy_AM arm_AM=hy_AM '
    'asm=as_IN asm_IN=as_IN az_AZ=az_Latn_AZ az_IQ=az_Arab_IQ az_IR=az_Arab_IR aze=az_Latn_AZ '
    'aze_AZ=az_Latn_AZ aze_IQ=az_Arab_IQ aze_IR=az_Arab_IR azj=az_Latn_AZ azj_AZ=az_Latn_AZ '
    'azj_IQ=az_Arab_IQ azj_IR=az_Arab_IR ba_SU=ba_RU bak=ba_RU bak_RU=ba_RU bak_SU=ba_RU '
    'bal_PK=bal_Arab_PK bam=bm_ML bam_ML=bm_ML baq=eu_ES baq_ES=eu_ES bcc=bal_Arab_PK '
    'bcc_PK=bal_Arab_PK bel=be_BY bel_BY=be_BY ben=bn_BD ben_BD=bn_BD ben_IN=bn_IN bh=bho_IN '
    'bh_IN=bho_IN bih=bho_IN bih_IN=bho_IN blo_DY=blo_BJ blt_VD=blt_VN bod=bo_CN bod_CN=bo_CN '
    'bod_IN=bo_IN bos=bs_Latn_BA bos_BA=bs_Latn_BA br_FX=br_FR bre=br_FR bre_FR=br_FR '
    'bre_FX=br_FR bs_BA=bs_Latn_BA bul=bg_BG bul_BG=bg_BG bur=my_MM bur_BU=my_MM bur_MM=my_MM '
    'bxk=luy_KE bxk_KE=luy_KE ca_FX=ca_FR cat=ca_ES cat_AD=ca_AD cat_ES=ca_ES cat_FR=ca_FR '
    'cat_FX=ca_FR cat_IT=ca_IT ce_SU=ce_RU ces=cs_CZ ces_CZ=cs_CZ che=ce_RU che_RU=ce_RU '
    'che_SU=ce_RU chi=zh_Hans_CN chi_CN=zh_Hans_CN chi_HK=zh_Hant_HK chi_MO=zh_Hant_MO '
    'chi_MY=zh_Hans_MY chi_SG=zh_Hans_SG chi_TW=zh_Hant_TW chu=cu_RU chu_RU=cu_RU chu_SU=cu_RU '
    'chv=cv_RU chv_RU=cv_RU chv_SU=cv_RU cld=syr_IQ cld_IQ=syr_IQ cld_SY=syr_SY cls=sa_IN '
    'cls_IN=sa_IN cmn=zh_Hans_CN cmn_CN=zh_Hans_CN cmn_HK=zh_Hant_HK cmn_MO=zh_Hant_MO '
    'cmn_MY=zh_Hans_MY cmn_SG=zh_Hans_SG cmn_TW=zh_Hant_TW cnr=sr_Latn_ME cnr_BA=sr_Latn_BA '
    'cnr_CS=sr_Latn_RS cnr_ME=sr_Latn_ME cnr_RS=sr_Latn_RS cnr_XK=sr_Latn_XK cnr_YU=sr_Latn_RS '
    'co_FX=co_FR cor=kw_GB cor_GB=kw_GB cor_UK=kw_GB cos=co_FR cos_FR=co_FR cos_FX=co_FR '
    'cu_SU=cu_RU cv_SU=cv_RU cy_UK=cy_GB cym=cy_GB cym_GB=cy_GB cym_UK=cy_GB cze=cs_CZ '
    'cze_CZ=cs_CZ dan=da_DK dan_DK=da_DK dan_GL=da_GL de_DD=de_DE deu=de_DE deu_AT=de_AT '
    'deu_BE=de_BE deu_CH=de_CH deu_DD=de_DE deu_DE=de_DE deu_IT=de_IT deu_LI=de_LI deu_LU=de_LU '
    'dgo=doi_IN dgo_IN=doi_IN div=dv_MV div_MV=dv_MV drh=mn_MN drh_CN=mn_Mong_CN drh_MN=mn_MN '
    'dsb_DD=dsb_DE dut=nl_NL dut_AN=nl_CW dut_AW=nl_AW dut_BE=nl_BE dut_BQ=nl_BQ dut_CW=nl_CW '
    'dut_NL=nl_NL dut_SR=nl_SR dut_SX=nl_SX dzo=dz_BT dzo_BT=dz_BT ekk=et_EE ekk_EE=et_EE '
    'ell=el_GR ell_CY=el_CY ell_GR=el_GR en_CT=en_KI en_DD=en_DE en_FX=en_FR en_JT=en_UM '
    'en_MI=en_UM en_NH=en_VU en_PC=en_FM en_PU=en_UM en_RH=en_ZW en_UK=en_GB en_WK=en_UM '
    'eng=en_US eng_AE=en_AE eng_AG=en_AG eng_AI=en_AI eng_AS=en_AS eng_AT=en_AT eng_AU=en_AU '
    'eng_BB=en_BB eng_BE=en_BE eng_BI=en_BI eng_BM=en_BM eng_BS=en_BS eng_BW=en_BW eng_BZ=en_BZ '
    'eng_CA=en_CA eng_CC=en_CC eng_CH=en_CH eng_CK=en_CK eng_CM=en_CM eng_CT=en_KI eng_CX=en_CX '
    'eng_CY=en_CY eng_CZ=en_CZ eng_DD=en_DE eng_DE=en_DE eng_DG=en_DG eng_DK=en_DK eng_DM=en_DM '
    'eng_ER=en_ER eng_ES=en_ES eng_FI=en_FI eng_FJ=en_FJ eng_FK=en_FK eng_FM=en_FM eng_FR=en_FR '
    'eng_FX=en_FR eng_GB=en_GB eng_GD=en_GD eng_GG=en_GG eng_GH=en_GH eng_GI=en_GI eng_GM=en_GM '
    'eng_GS=en_GS eng_GU=en_GU eng_GY=en_GY eng_HK=en_HK eng_HU=en_HU eng_ID=en_ID eng_IE=en_IE '
    'eng_IL=en_IL eng_IM=en_IM eng_IN=en_IN eng_IO=en_IO eng_IT=en_IT eng_JE=en_JE eng_JM=en_JM '
    'eng_JT=en_UM eng_KE=en_KE eng_KI=en_KI eng_KN=en_KN eng_KY=en_KY eng_LC=en_LC eng_LR=en_LR '
    'eng_LS=en_LS eng_MG=en_MG eng_MH=en_MH eng_MI=en_UM eng_MO=en_MO eng_MP=en_MP eng_MS=en_MS '
    'eng_MT=en_MT eng_MU=en_MU eng_MV=en_MV eng_MW=en_MW eng_MY=en_MY eng_NA=en_NA eng_NF=en_NF '
    'eng_NG=en_NG eng_NH=en_VU eng_NL=en_NL eng_NO=en_NO eng_NR=en_NR eng_NU=en_NU eng_NZ=en_NZ '
    'eng_PC=en_FM eng_PG=en_PG eng_PH=en_PH eng_PK=en_PK eng_PL=en_PL eng_PN=en_PN eng_PR=en_PR '
    'eng_PT=en_PT eng_PU=en_UM eng_PW=en_PW eng_RH=en_ZW eng_RO=en_RO eng_RW=en_RW eng_SB=en_SB '
    'eng_SC=en_SC eng_SD=en_SD eng_SE=en_SE eng_SG=en_SG eng_SH=en_SH eng_SI=en_SI eng_SK=en_SK '
    'eng_SL=en_SL eng_SS=en_SS eng_SX=en_SX eng_SZ=en_SZ eng_TC=en_TC eng_TK=en_TK eng_TO=en_TO '
    'eng_TT=en_TT eng_TV=en_TV eng_TZ=en_TZ eng_UG=en_UG eng_UK=en_GB eng_UM=en_UM eng_US=en_US '
    'eng_VC=en_VC eng_VG=en_VG eng_VI=en_VI eng_VU=en_VU eng_WK=en_UM eng_WS=en_WS eng_ZA=en_ZA '
    'eng_ZM=en_ZM eng_ZW=en_ZW epo=eo_001 es_PZ=es_PA est=et_EE est_EE=et_EE eus=eu_ES '
    'eus_ES=eu_ES ewe=ee_GH ewe_GH=ee_GH ewe_TG=ee_TG fao=fo_FO fao_DK=fo_DK fao_FO=fo_FO '
    'fas=fa_IR fas_AF=fa_AF fas_IR=fa_IR fat=ak_GH fat_GH=ak_GH ff_BF=ff_Latn_BF ff_CM=ff_Latn_CM '
    'ff_GH=ff_Latn_GH ff_GM=ff_Latn_GM ff_GN=ff_Latn_GN ff_GW=ff_Latn_GW ff_HV=ff_Latn_BF '
    'ff_LR=ff_Latn_LR ff_MR=ff_Latn_MR ff_NE=ff_Latn_NE ff_NG=ff_Latn_NG ff_SL=ff_Latn_SL '
    'ff_SN=ff_Latn_SN fin=fi_FI fin_FI=fi_FI fr_DY=fr_BJ fr_FX=fr_FR fr_HV=fr_BF fr_NH=fr_VU '
    'fr_ZR=fr_CD fra=fr_FR fra_BE=fr_BE fra_BF=fr_BF fra_BI=fr_BI fra_BJ=fr_BJ fra_BL=fr_BL '
    'fra_CA=fr_CA fra_CD=fr_CD fra_CF=fr_CF fra_CG=fr_CG fra_CH=fr_CH fra_CI=fr_CI fra_CM=fr_CM '
    'fra_DJ=fr_DJ fra_DY=fr_BJ fra_DZ=fr_DZ fra_FR=fr_FR fra_FX=fr_FR fra_GA=fr_GA fra_GF=fr_GF '
    'fra_GN=fr_GN fra_GP=fr_GP fra_GQ=fr_GQ fra_HT=fr_HT fra_HV=fr_BF fra_KM=fr_KM fra_LU=fr_LU '
    'fra_MA=fr_MA fra_MC=fr_MC fra_MF=fr_MF fra_MG=fr_MG fra_ML=fr_ML fra_MQ=fr_MQ fra_MR=fr_MR '
    'fra_MU=fr_MU fra_NC=fr_NC fra_NE=fr_NE fra_NH=fr_VU fra_PF=fr_PF fra_PM=fr_PM fra_RE=fr_RE '
    'fra_RW=fr_RW fra_SC=fr_SC fra_SN=fr_SN fra_SY=fr_SY fra_TD=fr_TD fra_TG=fr_TG fra_TN=fr_TN '
    'fra_VU=fr_VU fra_WF=fr_WF fra_YT=fr_YT fra_ZR=fr_CD fre=fr_FR fre_BE=fr_BE fre_BF=fr_BF '
    'fre_BI=fr_BI fre_BJ=fr_BJ fre_BL=fr_BL fre_CA=fr_CA fre_CD=fr_CD fre_CF=fr_CF fre_CG=fr_CG '
    'fre_CH=fr_CH fre_CI=fr_CI fre_CM=fr_CM fre_DJ=fr_DJ fre_DY=fr_BJ fre_DZ=fr_DZ fre_FR=fr_FR '
    'fre_FX=fr_FR fre_GA=fr_GA fre_GF=fr_GF fre_GN=fr_GN fre_GP=fr_GP fre_GQ=fr_GQ fre_HT=fr_HT '
    'fre_HV=fr_BF fre_KM=fr_KM fre_LU=fr_LU fre_MA=fr_MA fre_MC=fr_MC fre_MF=fr_MF fre_MG=fr_MG '
    'fre_ML=fr_ML fre_MQ=fr_MQ fre_MR=fr_MR fre_MU=fr_MU fre_NC=fr_NC fre_NE=fr_NE fre_NH=fr_VU '
    'fre_PF=fr_PF fre_PM=fr_PM fre_RE=fr_RE fre_RW=fr_RW fre_SC=fr_SC fre_SN=fr_SN fre_SY=fr_SY '
    'fre_TD=fr_TD fre_TG=fr_TG fre_TN=fr_TN fre_VU=fr_VU fre_WF=fr_WF fre_YT=fr_YT fre_ZR=fr_CD '
    'frr_DD=frr_DE fry=fy_NL fry_NL=fy_NL fuc=ff_Latn_SN fuc_BF=ff_Latn_BF fuc_CM=ff_Latn_CM '
    'fuc_GH=ff_Latn_GH fuc_GM=ff_Latn_GM fuc_GN=ff_Latn_GN fuc_GW=ff_Latn_GW fuc_HV=ff_Latn_BF '
    'fuc_LR=ff_Latn_LR fuc_MR=ff_Latn_MR fuc_NE=ff_Latn_NE fuc_NG=ff_Latn_NG fuc_SL=ff_Latn_SL '
    'fuc_SN=ff_Latn_SN ful=ff_Latn_SN ful_BF=ff_Latn_BF ful_CM=ff_Latn_CM ful_GH=ff_Latn_GH '
    'ful_GM=ff_Latn_GM ful_GN=ff_Latn_GN ful_GW=ff_Latn_GW ful_HV=ff_Latn_BF ful_LR=ff_Latn_LR '
    'ful_MR=ff_Latn_MR ful_NE=ff_Latn_NE ful_NG=ff_Latn_NG ful_SL=ff_Latn_SL ful_SN=ff_Latn_SN '
    'ga_UK=ga_GB gaz=om_ET gaz_ET=om_ET gaz_KE=om_KE gd_UK=gd_GB geo=ka_GE geo_GE=ka_GE ger=de_DE '
    'ger_AT=de_AT ger_BE=de_BE ger_CH=de_CH ger_DD=de_DE ger_DE=de_DE ger_IT=de_IT ger_LI=de_LI '
    'ger_LU=de_LU gla=gd_GB gla_GB=gd_GB gla_UK=gd_GB gle=ga_IE gle_GB=ga_GB gle_IE=ga_IE '
    'gle_UK=ga_GB glg=gl_ES glg_ES=gl_ES glv=gv_IM glv_IM=gv_IM gom=kok_Deva_IN '
    'gom_IN=kok_Deva_IN gre=el_GR gre_CY=el_CY gre_GR=el_GR grn=gn_PY grn_PY=gn_PY gsw_FX=gsw_FR '
    'gug=gn_PY gug_PY=gn_PY guj=gu_IN guj_IN=gu_IN ha_SD=ha_Arab_SD hat=ht_HT hat_HT=ht_HT '
    'hau=ha_NG hau_GH=ha_GH hau_NE=ha_NE hau_NG=ha_NG hau_SD=ha_Arab_SD heb=he_IL heb_IL=he_IL '
    'hin=hi_IN hin_IN=hi_IN hnj_US=hnj_Hmnp_US hrv=hr_HR hrv_BA=hr_BA hrv_HR=hr_HR hsb_DD=hsb_DE '
    'hun=hu_HU hun_HU=hu_HU hye=hy_AM hye_AM=hy_AM ibo=ig_NG ibo_NG=ig_NG ice=is_IS ice_IS=is_IS '
    'ido=io_001 iii=ii_CN iii_CN=ii_CN ike=iu_CA ike_CA=iu_CA iku=iu_CA iku_CA=iu_CA ile=ie_EE '
    'ile_EE=ie_EE in=id_ID in_ID=id_ID ina=ia_001 ind=id_ID ind_ID=id_ID isl=is_IS isl_IS=is_IS '
    'ita=it_IT ita_CH=it_CH ita_IT=it_IT ita_SM=it_SM ita_VA=it_VA iw=he_IL iw_IL=he_IL jav=jv_ID '
    'jav_ID=jv_ID ji=yi_UA ji_UA=yi_UA jpn=ja_JP jpn_JP=ja_JP jw=jv_ID jw_ID=jv_ID '
    'kaa_UZ=kaa_Cyrl_UZ kal=kl_GL kal_GL=kl_GL kan=kn_IN kan_IN=kn_IN kas=ks_Arab_IN '
    'kas_IN=ks_Arab_IN kat=ka_GE kat_GE=ka_GE kaz=kk_Cyrl_KZ kaz_CN=kk_Arab_CN kaz_KZ=kk_Cyrl_KZ '
    'khk=mn_MN khk_CN=mn_Mong_CN khk_MN=mn_MN khm=km_KH khm_KH=km_KH kik=ki_KE kik_KE=ki_KE '
    'kin=rw_RW kin_RW=rw_RW kir=ky_KG kir_KG=ky_KG kk_CN=kk_Arab_CN kmr=ku_TR kmr_TR=ku_TR '
    'kok_IN=kok_Deva_IN kor=ko_KR kor_CN=ko_CN kor_KP=ko_KP kor_KR=ko_KR ks_IN=ks_Arab_IN '
    'ksh_DD=ksh_DE kur=ku_TR kur_TR=ku_TR kw_UK=kw_GB kxv_IN=kxv_Latn_IN lao=lo_LA lao_LA=lo_LA '
    'lat=la_VA lat_VA=la_VA lav=lv_LV lav_LV=lv_LV lin=ln_CD lin_AO=ln_AO lin_CD=ln_CD '
    'lin_CF=ln_CF lin_CG=ln_CG lin_ZR=ln_CD lit=lt_LT lit_LT=lt_LT ln_ZR=ln_CD ltz=lb_LU '
    'ltz_LU=lb_LU lu_ZR=lu_CD lub=lu_CD lub_CD=lu_CD lub_ZR=lu_CD lug=lg_UG lug_UG=lg_UG '
    'lvs=lv_LV lvs_LV=lv_LV mac=mk_MK mac_MK=mk_MK mal=ml_IN mal_IN=ml_IN mao=mi_NZ mao_NZ=mi_NZ '
    'mar=mr_IN mar_IN=mr_IN may=ms_MY may_BN=ms_BN may_ID=ms_ID may_MY=ms_MY may_SG=ms_SG '
    'mdf_SU=mdf_RU mkd=mk_MK mkd_MK=mk_MK mlg=mg_MG mlg_MG=mg_MG mlt=mt_MT mlt_MT=mt_MT '
    'mn_CN=mn_Mong_CN mni_IN=mni_Beng_IN mo=ro_RO mo_MD=ro_MD mo_RO=ro_RO mol=ro_RO mol_MD=ro_MD '
    'mol_RO=ro_RO mon=mn_MN mon_CN=mn_Mong_CN mon_MN=mn_MN mri=mi_NZ mri_NZ=mi_NZ msa=ms_MY '
    'msa_BN=ms_BN msa_ID=ms_ID msa_MY=ms_MY msa_SG=ms_SG mup=raj_IN mup_IN=raj_IN my_BU=my_MM '
    'mya=my_MM mya_BU=my_MM mya_MM=my_MM myv_SU=myv_RU nav=nv_US nav_US=nv_US nbl=nr_ZA '
    'nbl_ZA=nr_ZA nd_RH=nd_ZW nde=nd_ZW nde_RH=nd_ZW nde_ZW=nd_ZW nds_DD=nds_DE nep=ne_NP '
    'nep_IN=ne_IN nep_NP=ne_NP nl_AN=nl_CW nld=nl_NL nld_AN=nl_CW nld_AW=nl_AW nld_BE=nl_BE '
    'nld_BQ=nl_BQ nld_CW=nl_CW nld_NL=nl_NL nld_SR=nl_SR nld_SX=nl_SX nno=nn_NO nno_NO=nn_NO '
    'nob=nb_NO nob_NO=nb_NO nob_SJ=nb_SJ nor=no npi=ne_NP npi_IN=ne_IN npi_NP=ne_NP nya=ny_MW '
    'nya_MW=ny_MW oc_FX=oc_FR oci=oc_FR oci_ES=oc_ES oci_FR=oc_FR oci_FX=oc_FR ori=or_IN '
    'ori_IN=or_IN orm=om_ET orm_ET=om_ET orm_KE=om_KE ory=or_IN ory_IN=or_IN os_SU=os_RU '
    'oss=os_GE oss_GE=os_GE oss_RU=os_RU oss_SU=os_RU pa_IN=pa_Guru_IN pa_PK=pa_Arab_PK '
    'pan=pa_Guru_IN pan_IN=pa_Guru_IN pan_PK=pa_Arab_PK pap_AN=pap_CW pbu=ps_AF pbu_AF=ps_AF '
    'pbu_PK=ps_PK per=fa_IR per_AF=fa_AF per_IR=fa_IR pes=fa_IR pes_AF=fa_AF pes_IR=fa_IR '
    'plt=mg_MG plt_MG=mg_MG pol=pl_PL pol_PL=pl_PL por=pt_BR por_AO=pt_AO por_BR=pt_BR '
    'por_CH=pt_CH por_CV=pt_CV por_GQ=pt_GQ por_GW=pt_GW por_LU=pt_LU por_MO=pt_MO por_MZ=pt_MZ '
    'por_PT=pt_PT por_ST=pt_ST por_TL=pt_TL por_TP=pt_TL prp=gu_IN prp_IN=gu_IN pt_TP=pt_TL '
    'pus=ps_AF pus_AF=ps_AF pus_PK=ps_PK que=qu_PE que_BO=qu_BO que_EC=qu_EC que_PE=qu_PE '
    'quz=qu_PE quz_BO=qu_BO quz_EC=qu_EC quz_PE=qu_PE rhg_BD=rhg_Rohg_BD rhg_BU=rhg_Rohg_MM '
    'rhg_MM=rhg_Rohg_MM roh=rm_CH roh_CH=rm_CH ron=ro_RO ron_MD=ro_MD ron_RO=ro_RO ru_SU=ru_RU '
    'rum=ro_RO rum_MD=ro_MD rum_RO=ro_RO run=rn_BI run_BI=rn_BI rus=ru_RU rus_BY=ru_BY '
    'rus_KG=ru_KG rus_KZ=ru_KZ rus_MD=ru_MD rus_RU=ru_RU rus_SU=ru_RU rus_UA=ru_UA sag=sg_CF '
    'sag_CF=sg_CF sah_SU=sah_RU san=sa_IN san_IN=sa_IN sat_IN=sat_Olck_IN scc=sr_Cyrl_RS '
    'scc_BA=sr_Cyrl_BA scc_CS=sr_Cyrl_RS scc_ME=sr_Latn_ME scc_RS=sr_Cyrl_RS scc_XK=sr_Cyrl_XK '
    'scc_YU=sr_Cyrl_RS scr=hr_HR scr_BA=hr_BA scr_HR=hr_HR sd_IN=sd_Deva_IN sd_PK=sd_Arab_PK '
    'shi_MA=shi_Tfng_MA shn_BU=shn_MM sin=si_LK sin_LK=si_LK slk=sk_SK slk_SK=sk_SK slo=sk_SK '
    'slo_SK=sk_SK slv=sl_SI slv_SI=sl_SI sme=se_NO sme_FI=se_FI sme_NO=se_NO sme_SE=se_SE '
    'sn_RH=sn_ZW sna=sn_ZW sna_RH=sn_ZW sna_ZW=sn_ZW snd=sd_Arab_PK snd_IN=sd_Deva_IN '
    'snd_PK=sd_Arab_PK som=so_SO som_DJ=so_DJ som_ET=so_ET som_KE=so_KE som_SO=so_SO sot=st_ZA '
    'sot_LS=st_LS sot_ZA=st_ZA spa=es_ES spa_AR=es_AR spa_BO=es_BO spa_BR=es_BR spa_BZ=es_BZ '
    'spa_CL=es_CL spa_CO=es_CO spa_CR=es_CR spa_CU=es_CU spa_DO=es_DO spa_EA=es_EA spa_EC=es_EC '
    'spa_ES=es_ES spa_GQ=es_GQ spa_GT=es_GT spa_HN=es_HN spa_IC=es_IC spa_MX=es_MX spa_NI=es_NI '
    'spa_PA=es_PA spa_PE=es_PE spa_PH=es_PH spa_PR=es_PR spa_PY=es_PY spa_PZ=es_PA spa_SV=es_SV '
    'spa_US=es_US spa_UY=es_UY spa_VE=es_VE spy=kln_KE spy_KE=kln_KE sqi=sq_AL sqi_AL=sq_AL '
    'sqi_MK=sq_MK sqi_XK=sq_XK sr_BA=sr_Cyrl_BA sr_CS=sr_Cyrl_RS sr_ME=sr_Latn_ME '
    'sr_RS=sr_Cyrl_RS sr_XK=sr_Cyrl_XK sr_YU=sr_Cyrl_RS src=sc_IT src_IT=sc_IT srd=sc_IT '
    'srd_IT=sc_IT srp=sr_Cyrl_RS srp_BA=sr_Cyrl_BA srp_CS=sr_Cyrl_RS srp_ME=sr_Latn_ME '
    'srp_RS=sr_Cyrl_RS srp_XK=sr_Cyrl_XK srp_YU=sr_Cyrl_RS ssw=ss_ZA ssw_SZ=ss_SZ ssw_ZA=ss_ZA '
    'su_ID=su_Latn_ID sun=su_Latn_ID sun_ID=su_Latn_ID sw_ZR=sw_CD swa=sw_TZ swa_CD=sw_CD '
    'swa_KE=sw_KE swa_TZ=sw_TZ swa_UG=sw_UG swa_ZR=sw_CD swe=sv_SE swe_AX=sv_AX swe_FI=sv_FI '
    'swe_SE=sv_SE swh=sw_TZ swh_CD=sw_CD swh_KE=sw_KE swh_TZ=sw_TZ swh_UG=sw_UG swh_ZR=sw_CD '
    'tam=ta_IN tam_IN=ta_IN tam_LK=ta_LK tam_MY=ta_MY tam_SG=ta_SG tat=tt_RU tat_RU=tt_RU '
    'tat_SU=tt_RU tel=te_IN tel_IN=te_IN tgk=tg_TJ tgk_TJ=tg_TJ tgl=fil_PH tgl_PH=fil_PH '
    'tha=th_TH tha_TH=th_TH tib=bo_CN tib_CN=bo_CN tib_IN=bo_IN tir=ti_ET tir_ER=ti_ER '
    'tir_ET=ti_ET tl=fil_PH tl_PH=fil_PH ton=to_TO ton_TO=to_TO tsn=tn_ZA tsn_BW=tn_BW '
    'tsn_ZA=tn_ZA tso=ts_ZA tso_ZA=ts_ZA tt_SU=tt_RU tuk=tk_TM tuk_TM=tk_TM tur=tr_TR '
    'tur_CY=tr_CY tur_TR=tr_TR tw=ak_GH tw_GH=ak_GH twi=ak_GH twi_GH=ak_GH tyv_SU=tyv_RU '
    'uig=ug_CN uig_CN=ug_CN ukr=uk_UA ukr_UA=uk_UA urd=ur_PK urd_IN=ur_IN urd_PK=ur_PK '
    'uz_AF=uz_Arab_AF uz_UZ=uz_Latn_UZ uzb=uz_Latn_UZ uzb_AF=uz_Arab_AF uzb_UZ=uz_Latn_UZ '
    'uzn=uz_Latn_UZ uzn_AF=uz_Arab_AF uzn_UZ=uz_Latn_UZ vai_LR=vai_Vaii_LR ven=ve_ZA ven_ZA=ve_ZA '
    'vi_VD=vi_VN vie=vi_VN vie_VD=vi_VN vie_VN=vi_VN vol=vo_001 wel=cy_GB wel_GB=cy_GB '
    'wel_UK=cy_GB wln=wa_BE wln_BE=wa_BE wol=wo_SN wol_SN=wo_SN xho=xh_ZA xho_ZA=xh_ZA xpe=kpe_LR '
    'xpe_GN=kpe_GN xpe_LR=kpe_LR ydd=yi_UA ydd_UA=yi_UA yid=yi_UA yid_UA=yi_UA yo_DY=yo_BJ '
    'yor=yo_NG yor_BJ=yo_BJ yor_DY=yo_BJ yor_NG=yo_NG yue_CN=yue_Hans_CN yue_HK=yue_Hant_HK '
    'yue_MO=yue_Hant_MO zh_CN=zh_Hans_CN zh_HK=zh_Hant_HK zh_MO=zh_Hant_MO zh_MY=zh_Hans_MY '
    'zh_SG=zh_Hans_SG zh_TW=zh_Hant_TW zha=za_CN zha_CN=za_CN zho=zh_Hans_CN zho_CN=zh_Hans_CN '
    'zho_HK=zh_Hant_HK zho_MO=zh_Hant_MO zho_MY=zh_Hans_MY zho_SG=zh_Hans_SG zho_TW=zh_Hant_TW '
    'zsm=ms_MY zsm_BN=ms_BN zsm_ID=ms_ID zsm_MY=ms_MY zsm_SG=ms_SG zul=zu_ZA zul_ZA=zu_ZA '
    'zyb=za_CN zyb_CN=za_CN '
).split())


ALIASES["und"] = "en_US"  # the undetermined language: Babel's likely locale for it


def _parts(value):
    """Babel's reading of a name: language[_Script][_TERRITORY][_VARIANT], any case, an
    encoding (.UTF-8) or modifier (@euro) ignored. None when it is not such a name."""
    value = value.split(".", 1)[0].split("@", 1)[0]
    parts = value.split("_")
    language = parts.pop(0).lower()
    if not language.isalpha() or not language.isascii():
        return None
    script = territory = variant = None
    if parts and len(parts[0]) == 4 and parts[0].isalpha():
        script = parts.pop(0).title()
    if parts and ((len(parts[0]) == 2 and parts[0].isalpha()) or (len(parts[0]) == 3 and parts[0].isdigit())):
        territory = parts.pop(0).upper()
    if parts and ((len(parts[0]) == 4 and parts[0][0].isdigit()) or (len(parts[0]) >= 5 and parts[0][0].isalpha())):
        variant = parts.pop(0).upper()
    if parts or not value.isascii():
        return None
    return language, script, territory, variant


def _known(name):
    return name if name in IDS else ALIASES.get(name)


def canonical_locale(value):
    """The canonical name of a non-empty locale name (stripped; at most 10 characters, the
    column's size, before and after), or None when it is none Babel knows."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > 10:
        return None
    parts = _parts(value)
    if parts is None:
        return None
    language, script, territory, variant = parts
    tail = [x for x in (territory, variant) if x]
    name = _known("_".join([language] + [x for x in (script,) if x] + tail))
    if name is None and (script or variant):  # Babel falls back on the language and territory
        name = _known("_".join([language] + ([territory] if territory else [])))
    if name is not None and "@" in value:
        name += "@" + value.split("@", 1)[1]
    return name if name is not None and len(name) <= 10 else None
